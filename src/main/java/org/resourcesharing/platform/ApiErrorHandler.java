package org.resourcesharing.platform;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import org.resourcesharing.platform.FieldErrors.FieldError;
import org.resourcesharing.platform.FieldErrors.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every refused API request gets the same answer: HTTP 400 and, for each field, what is wrong with it. */
@RestControllerAdvice
class ApiErrorHandler {

    record ErrorResponse(List<FieldError> errors) {
    }

    @ExceptionHandler(InvalidRequestException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ErrorResponse invalid(InvalidRequestException invalid) {
        return new ErrorResponse(invalid.errors());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ErrorResponse invalid(MethodArgumentNotValidException invalid) {
        return new ErrorResponse(invalid.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage())).toList());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ErrorResponse unreadable(HttpMessageNotReadableException unreadable) {
        // well-formed JSON with a value of the wrong kind (a date that is no date): name the field, as validation does
        if (unreadable.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return new ErrorResponse(List.of(new FieldError(field(mismatch.getPath()), "not " + expected(mismatch.getTargetType()))));
        }
        return new ErrorResponse(List.of(new FieldError("body", "not readable as the expected JSON: "
                + unreadable.getMostSpecificCause().getMessage().lines().findFirst().orElse(""))));
    }

    private static String field(List<JsonMappingException.Reference> path) {
        return path.stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String expected(Class<?> type) {
        if (type == LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (type != null && Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        return "a value of the expected kind" + (type == null ? "" : " (" + type.getSimpleName() + ")");
    }
}
