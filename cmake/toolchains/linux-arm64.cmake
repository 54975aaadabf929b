# Cross-compiles the kernels for linux-arm64 on an x86-64 Debian machine with its aarch64 GNU toolchain
# (apt-get install g++-aarch64-linux-gnu), and runs what it builds (CTest) under qemu-aarch64 from
# qemu-user, against the arm64 C library of multiarch (dpkg --add-architecture arm64; apt-get install
# libc6:arm64). The cross toolchain's own sysroot is not used to run programs: its C library hangs in
# pthread_create under qemu-user 7.2.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)

find_program(G4_AARCH64_CXX aarch64-linux-gnu-g++)
find_program(G4_AARCH64_CC aarch64-linux-gnu-gcc)
if(NOT G4_AARCH64_CXX OR NOT G4_AARCH64_CC)
  message(FATAL_ERROR "linux-arm64 needs the aarch64 cross compiler: apt-get install g++-aarch64-linux-gnu")
endif()
set(CMAKE_C_COMPILER "${G4_AARCH64_CC}")
set(CMAKE_CXX_COMPILER "${G4_AARCH64_CXX}")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)

if(NOT CMAKE_HOST_SYSTEM_PROCESSOR MATCHES "^(aarch64|arm64)$")
  find_program(G4_QEMU_AARCH64 qemu-aarch64)
  if(G4_QEMU_AARCH64 AND EXISTS /lib/ld-linux-aarch64.so.1)
    set(CMAKE_CROSSCOMPILING_EMULATOR "${G4_QEMU_AARCH64};-L;/")
  endif()
endif()
