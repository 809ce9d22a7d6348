package io.parkpulse.gateway.config;

/** What the gateway does when its store-and-forward buffer is full. Every reading not kept is counted. */
public enum FullPolicy {
    /** delete the oldest buffered messages to make room for new readings */
    DROP_OLDEST,
    /** stop reading LOW points as the buffer nears full, then NORMAL ones; drop new readings only when even HIGH ones do not fit */
    SHED_LEAST_IMPORTANT
}
