/**
 * grad4j's native backend: GEMM and convolution in OpenBLAS, the other kernels in grad4j's C++
 * library, reached through JavaCPP. It exports nothing: {@code org.grad4j} finds it through
 * {@link java.util.ServiceLoader} and runs it when its libraries load (the platform jar,
 * {@code org.grad4j.nativecpu.linux.x86_64} and the like, holds them).
 */
module org.grad4j.nativecpu {
    requires org.grad4j;
    requires org.bytedeco.openblas;

    // JavaCPP reads the preset and loads the bindings reflectively; nobody else may call them.
    opens org.grad4j.jni.presets to
            org.bytedeco.javacpp;
    opens org.grad4j.jni.global to
            org.bytedeco.javacpp;

    provides org.grad4j.backend.BackendProvider with
            org.grad4j.backend.nativecpu.NativeBackendProvider;
}
