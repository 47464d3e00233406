package org.resourcesharing.iso18626;

import java.util.Objects;
import org.resourcesharing.iso18626.model.TypeErrorType;

/**
 * An incoming message we refuse. It carries exactly what goes into the confirmation's
 * {@code errorData}, so the peer learns why without seeing our internals.
 */
public final class Iso18626MessageException extends RuntimeException {

    private final TypeErrorType errorType;
    private final String errorValue;

    public Iso18626MessageException(TypeErrorType errorType, String errorValue) {
        super(Objects.requireNonNull(errorType, "errorType").value() + ": " + errorValue);
        this.errorType = errorType;
        this.errorValue = errorValue;
    }

    public TypeErrorType errorType() {
        return errorType;
    }

    public String errorValue() {
        return errorValue;
    }
}
