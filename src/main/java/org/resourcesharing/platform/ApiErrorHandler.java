package org.resourcesharing.platform;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import org.resourcesharing.platform.FieldErrors.FieldError;
import org.resourcesharing.platform.FieldErrors.InvalidRequestException;
import org.resourcesharing.platform.ProcessChangeRetry.ProcessBusyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every refused API request gets the same answer: HTTP 400 and, for each field, what is wrong with it. One whose process
 * was moving on at every attempt ({@link ProcessChangeRetry}) gets HTTP 503 with {@code Retry-After} and what to do.
 */
@RestControllerAdvice
class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    record ErrorResponse(List<FieldError> errors) {
    }

    record BusyResponse(String message) {
    }

    @ExceptionHandler(InvalidRequestException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ErrorResponse invalid(InvalidRequestException invalid) {
        return new ErrorResponse(invalid.errors());
    }

    @ExceptionHandler(ProcessBusyException.class)
    ResponseEntity<BusyResponse> busy() {
        log.warn("A change found its process moving on {} times in a row; the caller is asked to try again", ProcessChangeRetry.ATTEMPTS);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, ProcessChangeRetry.RETRY_AFTER_HEADER)
                .body(new BusyResponse("The request was moving on to its next step at this very moment, so nothing was recorded. Please try again in "
                        + ProcessChangeRetry.RETRY_AFTER_HEADER + " seconds."));
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
