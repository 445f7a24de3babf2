package supportbot.channel.telegram;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Stops reading past a byte limit: a server's announced size is not trusted. */
final class CappedStream extends FilterInputStream {
    private final long max;
    private long read;

    CappedStream(InputStream in, long max) {
        super(in);
        this.max = max;
    }

    static final class Exceeded extends IOException {
        Exceeded() {
            super("size limit exceeded");
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(long n) throws Exceeded {
        read += n;
        if (read > max) {
            throw new Exceeded();
        }
    }
}
