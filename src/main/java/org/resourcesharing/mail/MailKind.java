package org.resourcesharing.mail;

/** What an incoming e-mail is, which decides the process it starts. */
public enum MailKind {
    /** A library (or a person) asks us to lend an item or supply a copy. */
    LOAN_OR_COPY_REQUEST,
    /** Someone applies for a job in the library. */
    JOB_APPLICATION,
    /** Someone who works at the desk cannot work a shift. */
    SHIFT_ABSENCE,
    /** Anything else, including auto-replies, newsletters and spam: left to staff. */
    OTHER
}
