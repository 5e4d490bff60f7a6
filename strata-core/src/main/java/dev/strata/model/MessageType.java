package dev.strata.model;

/** The Segment-spec calls Strata evaluates. Other calls (page, screen, group, alias) are ignored. */
public enum MessageType {
    IDENTIFY, TRACK
}
