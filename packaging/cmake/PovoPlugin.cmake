# povo_add_plugin(NAME SOURCES ... [LIBRARIES ...] [OUTPUT_DIRECTORY DIR] [NO_INSTALL]):
# builds one plugin as a loadable module (libpovo_NAME.so) against the povo SDK.
# The same function is installed (lib/cmake/povo/) for out-of-tree plugins, where
# `find_package(povo REQUIRED)` provides povo::sdk and includes this file.
#
# Install: the plugin gets an install rule to <prefix>/${POVO_PLUGIN_SUBDIR}
# (lib/povo/plugins), where povo finds it without --plugin-path, unless NO_INSTALL or
# OUTPUT_DIRECTORY is given (test fixtures pass OUTPUT_DIRECTORY: they are never installed).
if(NOT DEFINED POVO_PLUGIN_SUBDIR)
  set(POVO_PLUGIN_SUBDIR "lib/povo/plugins")
endif()

function(povo_add_plugin name)
  cmake_parse_arguments(ARG "NO_INSTALL" "OUTPUT_DIRECTORY" "SOURCES;LIBRARIES" ${ARGN})
  if(NOT TARGET povo::sdk)
    message(FATAL_ERROR "povo_add_plugin(${name}): povo::sdk is not defined; call find_package(povo REQUIRED) first")
  endif()
  add_library(${name} MODULE ${ARG_SOURCES} ${ARG_UNPARSED_ARGUMENTS})
  target_link_libraries(${name} PRIVATE povo::sdk ${ARG_LIBRARIES})
  set_target_properties(${name} PROPERTIES
    PREFIX "libpovo_"
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  if(ARG_OUTPUT_DIRECTORY)
    set_target_properties(${name} PROPERTIES LIBRARY_OUTPUT_DIRECTORY "${ARG_OUTPUT_DIRECTORY}")
  elseif(DEFINED POVO_PLUGIN_OUTPUT_DIR)
    set_target_properties(${name} PROPERTIES LIBRARY_OUTPUT_DIRECTORY "${POVO_PLUGIN_OUTPUT_DIR}")
  endif()

  # --- install rule (packaging/Install.cmake installs the rest of povo) ---------------
  if(NOT ARG_NO_INSTALL AND NOT ARG_OUTPUT_DIRECTORY)
    set(dest "${POVO_PLUGIN_SUBDIR}")
    if(NOT dest)
      set(dest "lib/povo/plugins")
    endif()
    # Installed plugins find libpovo_sdk.so two levels up (<prefix>/lib), also when
    # loaded by something other than povo (ldd, tests).
    set_target_properties(${name} PROPERTIES INSTALL_RPATH "$ORIGIN/../..")
    install(TARGETS ${name} LIBRARY DESTINATION "${dest}" COMPONENT povo)
  endif()
endfunction()
