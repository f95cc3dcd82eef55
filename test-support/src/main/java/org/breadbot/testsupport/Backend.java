package org.breadbot.testsupport;

/** Which server backs a fixture: the in-process embedded one or a Testcontainers container. */
enum Backend {
    EMBEDDED,
    CONTAINER
}
