# Builds the kernels for macOS on Apple silicon with the Xcode command-line tools, on a Mac.
# UNTESTED: no macOS machine here. The javacpp-presets OpenBLAS jar for macosx-arm64 ships
# libopenblas.0.dylib, which FindJavaCPPOpenBLAS looks for by that name.
set(CMAKE_SYSTEM_NAME Darwin)
set(CMAKE_SYSTEM_PROCESSOR arm64)
set(CMAKE_OSX_ARCHITECTURES arm64)
set(CMAKE_INSTALL_RPATH "@loader_path")
