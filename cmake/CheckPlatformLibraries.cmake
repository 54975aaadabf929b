# Fails unless every shared library in DIR was built for PLATFORM (a JavaCPP platform name), so that
# a platform jar never holds another machine's code:
#   cmake -DPLATFORM=linux-arm64 -DDIR=<folder> -P CheckPlatformLibraries.cmake
# It reads the first bytes of each library: the ELF machine on Linux, the Mach-O CPU type on macOS,
# and on Windows only that the file is a PE image.
cmake_minimum_required(VERSION 3.25)

# platform=kind:magic:offset of the machine field:machine, bytes in hexadecimal as they are in the file
set(_g4_headers
    "linux-x86_64=ELF x86-64:7f454c46:18:3e00"
    "linux-arm64=ELF AArch64:7f454c46:18:b700"
    "macosx-x86_64=Mach-O x86-64:cffaedfe:4:07000001"
    "macosx-arm64=Mach-O arm64:cffaedfe:4:0c000001"
    "windows-x86_64=PE:4d5a::")

set(_g4_expected "")
foreach(_g4_entry IN LISTS _g4_headers)
  if(_g4_entry MATCHES "^${PLATFORM}=(.*)$")
    string(REPLACE ":" ";" _g4_expected "${CMAKE_MATCH_1}")
  endif()
endforeach()
if(NOT _g4_expected)
  message(FATAL_ERROR "No known library header for platform ${PLATFORM}: add it to ${CMAKE_CURRENT_LIST_FILE}")
endif()
list(GET _g4_expected 0 _g4_kind)
list(GET _g4_expected 1 _g4_magic_expected)
list(GET _g4_expected 2 _g4_machine_offset)
list(GET _g4_expected 3 _g4_machine_expected)

file(GLOB _g4_libraries "${DIR}/*.so" "${DIR}/*.dylib" "${DIR}/*.dll")
if(NOT _g4_libraries)
  message(FATAL_ERROR "No shared libraries for ${PLATFORM} in ${DIR}")
endif()
foreach(_g4_library IN LISTS _g4_libraries)
  string(LENGTH "${_g4_magic_expected}" _g4_digits)
  math(EXPR _g4_bytes "${_g4_digits} / 2")
  file(READ "${_g4_library}" _g4_magic LIMIT ${_g4_bytes} HEX)
  set(_g4_machine "")
  if(_g4_machine_offset)
    string(LENGTH "${_g4_machine_expected}" _g4_digits)
    math(EXPR _g4_bytes "${_g4_digits} / 2")
    file(READ "${_g4_library}" _g4_machine OFFSET ${_g4_machine_offset} LIMIT ${_g4_bytes} HEX)
  endif()
  if(NOT _g4_magic STREQUAL _g4_magic_expected OR NOT _g4_machine STREQUAL _g4_machine_expected)
    message(FATAL_ERROR "${_g4_library} is not built for ${PLATFORM}, whose libraries are ${_g4_kind} ones "
                        "(header ${_g4_magic}, machine ${_g4_machine}): the compiler for ${PLATFORM} was not "
                        "used (for linux-arm64 on x86-64: apt-get install g++-aarch64-linux-gnu)")
  endif()
endforeach()
list(LENGTH _g4_libraries _g4_count)
message(STATUS "${_g4_count} libraries in ${DIR}: ${_g4_kind}, for ${PLATFORM}")
