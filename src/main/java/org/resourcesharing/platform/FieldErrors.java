package org.resourcesharing.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects what is wrong with a request, field by field, so the caller learns everything at once;
 * {@link #throwIfAny()} turns it into HTTP 400 with {@code {"errors": [{"field", "reason"}]}}.
 */
public final class FieldErrors {

    public record FieldError(String field, String reason) {
    }

    private final List<FieldError> errors = new ArrayList<>();

    public FieldErrors add(String field, String reason) {
        errors.add(new FieldError(field, reason));
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** What is wrong so far, for a page that shows it instead of answering 400. */
    public List<FieldError> list() {
        return List.copyOf(errors);
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(List.copyOf(errors));
        }
    }

    /** A request refused for the listed reasons; nothing was changed or started. */
    public static final class InvalidRequestException extends RuntimeException {

        private final List<FieldError> errors;

        InvalidRequestException(List<FieldError> errors) {
            super(errors.toString());
            this.errors = errors;
        }

        public List<FieldError> errors() {
            return errors;
        }
    }
}
