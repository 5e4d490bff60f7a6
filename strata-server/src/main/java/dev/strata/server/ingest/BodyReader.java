package dev.strata.server.ingest;

import dev.strata.server.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a request body without ever holding more than the limit (plus one byte) in memory. */
public final class BodyReader {
    private BodyReader() {
    }

    /**
     * @param what names the limit in the error, e.g. "/v1/batch"
     * @throws ApiException 400 when the body is over the limit
     */
    public static byte[] read(HttpServletRequest req, int limit, String what) throws IOException {
        long declared = req.getContentLengthLong();
        if (declared > limit) throw tooLarge(declared + " bytes", limit, what);
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(256, Math.min(declared, limit)));
        byte[] buf = new byte[8192];
        try (InputStream in = req.getInputStream()) {
            int n;
            long total = 0;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > limit) throw tooLarge("over " + limit + " bytes", limit, what);
                out.write(buf, 0, n);
            }
        }
        return out.toByteArray();
    }

    private static ApiException tooLarge(String size, int limit, String what) {
        return ApiException.badRequest("the request body is " + size + "; the limit for " + what + " is "
                + (limit / 1024) + " KB (" + limit + " bytes)");
    }
}
