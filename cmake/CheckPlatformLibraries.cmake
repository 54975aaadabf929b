# Fails unless every shared library in DIR was built for PLATFORM (a JavaCPP platform name), so that
# a platform jar never holds another machine's code:
#   cmake -DPLATFORM=linux-arm64 -DDIR=<folder> -P CheckPlatformLibraries.cmake
# It reads the ELF header's machine field; platforms other than Linux ones are not checked.
set(_g4_linux_machines "linux-x86_64=3e00" "linux-arm64=b700")
set(_g4_machine_names "3e00=x86-64" "b700=AArch64")

set(_g4_expected "")
foreach(_g4_pair IN LISTS _g4_linux_machines)
  if(_g4_pair MATCHES "^${PLATFORM}=(.+)$")
    set(_g4_expected "${CMAKE_MATCH_1}")
  endif()
endforeach()
if(NOT _g4_expected)
  message(STATUS "Libraries for ${PLATFORM} not checked: only Linux platforms are")
  return()
endif()

file(GLOB _g4_libraries "${DIR}/*.so")
if(NOT _g4_libraries)
  message(FATAL_ERROR "No shared libraries for ${PLATFORM} in ${DIR}")
endif()
foreach(_g4_library IN LISTS _g4_libraries)
  file(READ "${_g4_library}" _g4_magic LIMIT 4 HEX)
  file(READ "${_g4_library}" _g4_machine OFFSET 18 LIMIT 2 HEX)
  if(NOT _g4_magic STREQUAL "7f454c46" OR NOT _g4_machine STREQUAL _g4_expected)
    set(_g4_found "an unknown machine (${_g4_machine})")
    foreach(_g4_pair IN LISTS _g4_machine_names)
      if(_g4_pair MATCHES "^${_g4_machine}=(.+)$")
        set(_g4_found "${CMAKE_MATCH_1}")
      endif()
    endforeach()
    message(FATAL_ERROR "${_g4_library} was built for ${_g4_found}, not ${PLATFORM}: the compiler for ${PLATFORM} "
                        "was not used (for linux-arm64 on x86-64: apt-get install g++-aarch64-linux-gnu)")
  endif()
endforeach()
list(LENGTH _g4_libraries _g4_count)
message(STATUS "${_g4_count} libraries in ${DIR} are built for ${PLATFORM}")
