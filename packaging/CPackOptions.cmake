# Read by cpack once per generator (CPACK_PROJECT_CONFIG_FILE, set in packaging/CPack.cmake).
if(CPACK_GENERATOR STREQUAL "DEB")
  set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
endif()
