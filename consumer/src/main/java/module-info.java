/** A user's application as a named module: it needs grad4j's API, and finds the native backend as a service. */
module org.grad4j.consumer {
    requires org.grad4j;
}
