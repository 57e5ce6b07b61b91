# Install layout and packages of povo (project issue 7). Included at the end of the
# top-level CMakeLists.txt, so every target exists. Layout (relative to the prefix):
#
#   bin/povo                          RPATH $ORIGIN/../lib
#   lib/libpovo_sdk.so*               the SDK
#   lib/povo/plugins/libpovo_*.so     every plugin made by povo_add_plugin (its own rule)
#   include/povo/*.hpp                SDK headers, with the generated version.hpp
#   lib/cmake/povo/                   povoConfig.cmake, povoConfigVersion.cmake,
#                                     povoTargets.cmake (povo::sdk), PovoPlugin.cmake
#   share/povo/configs/               the repository's configs/
#   share/povo/fonts/                 fonts/*.ttf, LICENSE, README.md
#   share/man/man1/povo.1             packaging/povo.1
#   share/doc/povo/                   plugin guide and API versioning notes
#
# povo finds plugins, fonts and configs relative to its own executable
# (core/src/plugin_host/search_path.cpp), so an installation can be moved.
include(CMakePackageConfigHelpers)

set(POVO_CMAKE_SUBDIR "${CMAKE_INSTALL_LIBDIR}/cmake/povo")

if(TARGET povo)
  install(TARGETS povo RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT povo)
endif()

# The SDK library, exported as povo::sdk with its usage requirements
# (Boost::headers, BOOST_DLL_USE_STD_FS, C++20, the include directory).
set_target_properties(povo_sdk PROPERTIES EXPORT_NAME sdk)
install(TARGETS povo_sdk EXPORT povoTargets
  LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT povo NAMELINK_COMPONENT povo
  INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/core/include/povo/"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/povo" COMPONENT povo
  FILES_MATCHING PATTERN "*.hpp")
install(FILES "${PROJECT_BINARY_DIR}/include/povo/version.hpp"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}/povo" COMPONENT povo)

install(EXPORT povoTargets NAMESPACE povo:: DESTINATION "${POVO_CMAKE_SUBDIR}" COMPONENT povo)
# The plugin API version, read from the one place it is written.
file(STRINGS "${PROJECT_SOURCE_DIR}/core/include/povo/version.hpp.in" povo_api_lines
  REGEX "^#define POVO_API_VERSION_(MAJOR|MINOR) [0-9]+$")
foreach(line ${povo_api_lines})
  string(REGEX REPLACE "^#define (POVO_API_VERSION_[A-Z]+) ([0-9]+)$" "\\1;\\2" pair "${line}")
  list(GET pair 0 key)
  list(GET pair 1 value)
  set(${key} ${value})
endforeach()
configure_package_config_file("${CMAKE_CURRENT_LIST_DIR}/cmake/povoConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/packaging/povoConfig.cmake"
  INSTALL_DESTINATION "${POVO_CMAKE_SUBDIR}"
  PATH_VARS CMAKE_INSTALL_INCLUDEDIR)
# The package version only picks an installation; whether a plugin loads is decided by
# the plugin API version at load time (docs/api-versioning.md).
write_basic_package_version_file("${PROJECT_BINARY_DIR}/packaging/povoConfigVersion.cmake"
  VERSION "${PROJECT_VERSION}" COMPATIBILITY SameMajorVersion)
install(FILES
  "${PROJECT_BINARY_DIR}/packaging/povoConfig.cmake"
  "${PROJECT_BINARY_DIR}/packaging/povoConfigVersion.cmake"
  "${CMAKE_CURRENT_LIST_DIR}/cmake/PovoPlugin.cmake"
  DESTINATION "${POVO_CMAKE_SUBDIR}" COMPONENT povo)

# Data: default configurations and the embedded fonts.
install(DIRECTORY "${PROJECT_SOURCE_DIR}/configs/" DESTINATION "${POVO_DATA_SUBDIR}/configs" COMPONENT povo)
file(GLOB povo_fonts "${PROJECT_SOURCE_DIR}/fonts/*.ttf")
install(FILES ${povo_fonts} "${PROJECT_SOURCE_DIR}/fonts/LICENSE" "${PROJECT_SOURCE_DIR}/fonts/README.md"
  DESTINATION "${POVO_DATA_SUBDIR}/fonts" COMPONENT povo)

# Documentation.
install(FILES "${CMAKE_CURRENT_LIST_DIR}/povo.1" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1" COMPONENT povo)
install(FILES "${PROJECT_SOURCE_DIR}/docs/plugin-guide.md" "${PROJECT_SOURCE_DIR}/docs/api-versioning.md"
  "${PROJECT_SOURCE_DIR}/docs/config-reference.md" "${PROJECT_SOURCE_DIR}/docs/config-composition.md"
  DESTINATION "${CMAKE_INSTALL_DOCDIR}" COMPONENT povo)
install(DIRECTORY "${CMAKE_CURRENT_LIST_DIR}/plugin-template/"
  DESTINATION "${CMAKE_INSTALL_DOCDIR}/plugin-template" COMPONENT povo)

include("${CMAKE_CURRENT_LIST_DIR}/CPack.cmake")
