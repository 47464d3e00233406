package org.resourcesharing.catalogue;

/** The catalogue could not answer (timeout, HTTP error, unreadable response, SRU diagnostic): retry, do not conclude "not held". */
public class CatalogueUnavailableException extends RuntimeException {

    public CatalogueUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
