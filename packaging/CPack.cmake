# Packages of povo: `cpack -G DEB` (prefix /usr) and `cpack -G TGZ` (relocatable tree)
# in the build directory. Included by packaging/Install.cmake after the install rules.
set(CPACK_PACKAGE_NAME "povo")
set(CPACK_PACKAGE_VENDOR "Benchmark PO&VO")
set(CPACK_PACKAGE_CONTACT "Benchmark PO&VO maintainers <povo@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "benchmark and sector reports for Dutch school boards")
set(CPACK_PACKAGE_DESCRIPTION
  "povo reads DUO open data and school boards' own data through data-source plugins,
computes key figures (kengetallen) through indicator plugins and expressions, compares
each board with comparable boards and writes PDF reports in Dutch.
This package holds the povo program, its plugins, the plugin SDK (headers, library
and CMake package), default configurations, fonts and the manual page.")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "povo")
set(CPACK_GENERATOR "TGZ;DEB")
set(CPACK_SOURCE_GENERATOR "")
set(CPACK_STRIP_FILES ON)
set(CPACK_OUTPUT_FILE_PREFIX "${PROJECT_BINARY_DIR}/packages")
set(CPACK_THREADS 0)  # compress with every core

# Debian: povo_<version>_<arch>.deb installed under /usr.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_NAME "povo")
# Prefix /usr for the .deb only (packaging/CPackOptions.cmake); the tarball has no prefix.
set(CPACK_PROJECT_CONFIG_FILE "${CMAKE_CURRENT_LIST_DIR}/CPackOptions.cmake")
set(CPACK_DEBIAN_PACKAGE_SECTION "science")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://example.org/povo")
# The SDK's headers need Boost and a C++20 compiler; plugin authors install these.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "libboost-dev (>= 1.74), g++ (>= 4:12), cmake (>= 3.25), poppler-utils")
# Dependencies from the binaries (dpkg-shlibdeps, in dpkg-dev) when available, else the
# Debian 12 libraries povo links.
find_program(POVO_DPKG_SHLIBDEPS dpkg-shlibdeps)
mark_as_advanced(POVO_DPKG_SHLIBDEPS)
if(POVO_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
  set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libboost-program-options1.74.0, libyaml-cpp0.7, libhpdf-2.3.0, libsqlite3-0, libstdc++6 (>= 12), libgcc-s1, libc6")
endif()

# The tarball: one top folder povo-<version>-Linux/ with bin, lib, include, share;
# relocatable, so it runs wherever it is unpacked.
set(CPACK_PACKAGE_FILE_NAME "povo-${PROJECT_VERSION}-Linux-${CMAKE_SYSTEM_PROCESSOR}")

include(CPack)
