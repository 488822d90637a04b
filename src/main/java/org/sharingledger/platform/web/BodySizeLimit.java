package org.sharingledger.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Serial;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API takes bodies of at most {@code ledger.web.max-body-size} bytes (64 KB unless set), and refuses a larger one
 * with 413 before reading it: at once when its {@code Content-Length} says so, and otherwise (a chunked body) as soon
 * as the reading passes the limit, whoever reads it (the idempotency filter, or Jackson). First of the API's filters,
 * so that nothing behind it, not even sign-in, holds a large body in memory. A file imported as CSV ({@code
 * Content-Type: text/csv}, the training records' import) may be larger: up to {@code ledger.web.max-import-size}
 * (2 MB unless set, room for 10,000 lines).
 */
class BodySizeLimit extends OncePerRequestFilter {

    private final long maxJsonBytes;
    private final long maxImportBytes;

    BodySizeLimit(long maxJsonBytes, long maxImportBytes) {
        this.maxJsonBytes = maxJsonBytes;
        this.maxImportBytes = maxImportBytes;
    }

    /** The limit of this request's body: a CSV file's, or the JSON API's. */
    private long limitOf(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("text/csv") ? maxImportBytes : maxJsonBytes;
    }

    static ProblemDetail problem(long maxBytes) {
        return Problems.of(
                HttpStatus.CONTENT_TOO_LARGE,
                "body-too-large",
                "Body too large",
                "The body is larger than the " + maxBytes + " bytes the API takes. Nothing was recorded.");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long maxBytes = limitOf(request);
        if (request.getContentLengthLong() > maxBytes) {
            response.setHeader("Connection", "close");
            Problems.write(response, problem(maxBytes));
            return;
        }
        try {
            chain.doFilter(new Limited(request, maxBytes), response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!causedByTooLarge(e) || response.isCommitted()) {
                throw e;
            }
            response.reset();
            response.setHeader("Connection", "close");
            Problems.write(response, problem(maxBytes));
        }
    }

    static boolean causedByTooLarge(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TooLarge) {
                return true;
            }
        }
        return false;
    }

    /** Thrown by the body's stream when the reading passes the limit. */
    static final class TooLarge extends IOException {

        @Serial
        private static final long serialVersionUID = 1L;

        TooLarge(long maxBytes) {
            super("request body larger than " + maxBytes + " bytes");
        }
    }

    /** The request, its body counted as it is read. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counted(super.getInputStream(), maxBytes);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(
                    getInputStream(), encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding)));
        }
    }

    private static final class Counted extends ServletInputStream {

        private final ServletInputStream in;
        private final long maxBytes;
        private long read;

        Counted(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > maxBytes) {
                throw new TooLarge(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
