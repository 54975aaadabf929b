# Cross-compiles the kernels for windows-x86_64 with MinGW-w64 (apt-get install g++-mingw-w64-x86-64).
# UNTESTED: no Windows machine here, and the OpenBLAS import library name (libopenblas.dll.a)
# in the javacpp-presets windows jar has not been checked.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR AMD64)
set(CMAKE_C_COMPILER x86_64-w64-mingw32-gcc)
set(CMAKE_CXX_COMPILER x86_64-w64-mingw32-g++)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
