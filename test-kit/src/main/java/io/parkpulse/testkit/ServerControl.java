package io.parkpulse.testkit;

/** What runs a test server — a child process or a container — seen from the server's handle. */
interface ServerControl {

    void stop();

    void kill();

    void start();

    boolean isRunning();

    String logTail(int maxLines);

    void close();
}
