# Finds the OpenBLAS shipped inside the javacpp-presets jar (org.bytedeco:openblas:<platform>),
# as extracted by the JavaCPP Maven plugin, and defines the imported target OpenBLAS::OpenBLAS.
#
# Where it looks, in order:
#   OPENBLAS_ROOT (CMake cache variable or environment variable): a folder with include/cblas.h;
#   the BUILD_PATH entries the JavaCPP plugin exports, keeping those with include/openblas_config.h;
#   the jar org.bytedeco:openblas:<version>:<G4_JAVACPP_PLATFORM> in the local Maven repository
#   (MAVEN_REPOSITORY, default ~/.m2/repository), the version read from the root pom.xml; the jar's
#   folder for the platform is extracted into the build tree. CMakePresets.json sets G4_JAVACPP_PLATFORM.
#
# The jar's own lib/cmake/openblas/OpenBLASConfig.cmake is not usable: it hard-codes the paths of
# the machine that built the jar and names a library the jar does not ship.
#
# Result variables: JavaCPPOpenBLAS_FOUND, JavaCPPOpenBLAS_INCLUDE_DIR, JavaCPPOpenBLAS_LIBRARY.

set(_g4_openblas_hints "")
if(OPENBLAS_ROOT)
  list(APPEND _g4_openblas_hints "${OPENBLAS_ROOT}")
endif()
if(DEFINED ENV{OPENBLAS_ROOT})
  list(APPEND _g4_openblas_hints "$ENV{OPENBLAS_ROOT}")
endif()
if(DEFINED ENV{BUILD_PATH})
  set(_g4_separator ":")
  if(DEFINED ENV{BUILD_PATH_SEPARATOR})
    set(_g4_separator "$ENV{BUILD_PATH_SEPARATOR}")
  endif()
  string(REPLACE "${_g4_separator}" ";" _g4_build_path "$ENV{BUILD_PATH}")
  foreach(_g4_dir IN LISTS _g4_build_path)
    if(EXISTS "${_g4_dir}/include/openblas_config.h")
      list(APPEND _g4_openblas_hints "${_g4_dir}")
    endif()
  endforeach()
endif()

if(NOT _g4_openblas_hints AND G4_JAVACPP_PLATFORM)
  file(READ "${CMAKE_CURRENT_LIST_DIR}/../pom.xml" _g4_pom)
  string(REGEX MATCH "<javacpp.version>([^<]+)</javacpp.version>" _ "${_g4_pom}")
  set(_g4_javacpp_version "${CMAKE_MATCH_1}")
  string(REGEX MATCH "<openblas.version>([^<]+)</openblas.version>" _ "${_g4_pom}")
  string(REPLACE "\${javacpp.version}" "${_g4_javacpp_version}" _g4_openblas_version "${CMAKE_MATCH_1}")
  set(_g4_repository "$ENV{HOME}/.m2/repository")
  if(DEFINED ENV{MAVEN_REPOSITORY})
    set(_g4_repository "$ENV{MAVEN_REPOSITORY}")
  endif()
  set(_g4_jar "${_g4_repository}/org/bytedeco/openblas/${_g4_openblas_version}/openblas-${_g4_openblas_version}-${G4_JAVACPP_PLATFORM}.jar")
  if(NOT EXISTS "${_g4_jar}")
    message(FATAL_ERROR "OpenBLAS for ${G4_JAVACPP_PLATFORM} not found: set OPENBLAS_ROOT, or fetch the jar with "
                        "mvn -B dependency:get -Dartifact=org.bytedeco:openblas:${_g4_openblas_version}:jar:${G4_JAVACPP_PLATFORM}")
  endif()
  set(_g4_extracted "${CMAKE_BINARY_DIR}/openblas-${_g4_openblas_version}")
  if(NOT EXISTS "${_g4_extracted}/org/bytedeco/openblas/${G4_JAVACPP_PLATFORM}/include/cblas.h")
    file(ARCHIVE_EXTRACT INPUT "${_g4_jar}" DESTINATION "${_g4_extracted}"
         PATTERNS "org/bytedeco/openblas/${G4_JAVACPP_PLATFORM}/*")
  endif()
  list(APPEND _g4_openblas_hints "${_g4_extracted}/org/bytedeco/openblas/${G4_JAVACPP_PLATFORM}")
endif()

find_path(JavaCPPOpenBLAS_INCLUDE_DIR cblas.h
  HINTS ${_g4_openblas_hints} PATH_SUFFIXES include NO_DEFAULT_PATH)
# The jar ships only the versioned library on Linux; macOS and Windows names are untested.
find_library(JavaCPPOpenBLAS_LIBRARY
  NAMES libopenblas.so.0 openblas libopenblas.0.dylib libopenblas.dll.a
  HINTS ${_g4_openblas_hints} PATH_SUFFIXES lib "" NO_DEFAULT_PATH)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(JavaCPPOpenBLAS
  REQUIRED_VARS JavaCPPOpenBLAS_LIBRARY JavaCPPOpenBLAS_INCLUDE_DIR
  REASON_FAILURE_MESSAGE "set OPENBLAS_ROOT to an extracted org.bytedeco:openblas platform jar folder, or build through Maven (mvn install), which extracts it")

if(JavaCPPOpenBLAS_FOUND AND NOT TARGET OpenBLAS::OpenBLAS)
  add_library(OpenBLAS::OpenBLAS SHARED IMPORTED)
  set_target_properties(OpenBLAS::OpenBLAS PROPERTIES
    IMPORTED_LOCATION "${JavaCPPOpenBLAS_LIBRARY}"
    IMPORTED_NO_SONAME FALSE
    INTERFACE_INCLUDE_DIRECTORIES "${JavaCPPOpenBLAS_INCLUDE_DIR}")
  get_filename_component(JavaCPPOpenBLAS_LIBRARY_DIR "${JavaCPPOpenBLAS_LIBRARY}" DIRECTORY)
endif()
mark_as_advanced(JavaCPPOpenBLAS_INCLUDE_DIR JavaCPPOpenBLAS_LIBRARY)
