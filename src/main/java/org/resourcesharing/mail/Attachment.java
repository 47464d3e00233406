package org.resourcesharing.mail;

/**
 * A file that came with a message, and what could be read of it.
 *
 * @param fileName the name the sender gave it, or null
 * @param mediaType the type found from its content and name (the sender's label when that failed)
 * @param size its decoded size in bytes
 * @param text its text, possibly cut off at the limit; null when it could not be read
 * @param problem why it could not be read in full, for staff; null when it was
 */
public record Attachment(String fileName, String mediaType, long size, String text, String problem) {
}
