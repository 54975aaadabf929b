/** Kotlin operators for grad4j tensors: {@code a + b}, {@code 2f * a}, {@code x mm w}. */
module org.grad4j.kotlin {
    requires transitive org.grad4j;
    requires kotlin.stdlib;

    exports org.grad4j.kotlin;
}
