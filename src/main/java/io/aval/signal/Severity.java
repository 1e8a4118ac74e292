package io.aval.signal;

/** How urgently a rep should look at a signal; HIGH goes out as an immediate alert, the rest in the digest. */
public enum Severity {
    HIGH, MEDIUM, LOW
}
