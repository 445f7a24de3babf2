package supportbot.store;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;
import org.mapdb.CC;
import org.mapdb.DB;
import org.mapdb.DataInput2;
import org.mapdb.StoreWAL;
import org.mapdb.volume.FileChannelVol;
import org.mapdb.volume.Volume;
import org.mapdb.volume.VolumeFactory;

/**
 * The store's data file, made to change all at once at each sync.
 *
 * <p>MapDB 3.1's write-ahead log does not make a commit atomic: {@code StoreWAL.commit()} syncs its log, then
 * writes the header, index values, free-space pages and records into the data file in place, one write at a
 * time, then syncs the file and deletes the log. Nothing ever replays that log on open (it does not even hold
 * the index values), so a {@code kill -9} between two of those writes leaves a data file that is neither the
 * old state nor the new one: e.g. a B-tree root pointing at a record not yet written, which fails the next
 * open in {@code BTreeMap.loadLeftEdges}.
 *
 * <p>This volume keeps every write to the data file in memory (whole 4 KiB pages, read through by reads)
 * until MapDB syncs it, which it does once at the end of every commit. Then it writes those pages to
 * {@code <file>.commit} with a checksum, syncs that, writes them into the data file, syncs it and empties the
 * journal. On open, a complete journal is written into the data file again (it holds whole pages, so doing
 * it twice is harmless); an incomplete one is the commit that never returned, and is dropped.
 */
public final class AtomicCommitVolume extends Volume {
    static final String JOURNAL_SUFFIX = ".commit";
    private static final int PAGE = 4096;
    private static final long MAGIC = 0x5342434f4d4d4954L; // "SBCOMMIT"

    private final Volume file;
    private final FileChannel journal;
    /** Page number → the page as it will be after the next sync. */
    private final TreeMap<Long, byte[]> pending = new TreeMap<>();
    private volatile boolean dirty;

    /**
     * What {@code DBMaker.fileDB(file).transactionEnable().fileChannelEnable().make()} makes (same store, same
     * file format), except that the data file is one of these.
     *
     * @param files makes the plain volumes: {@link FileChannelVol#FACTORY} except in tests
     */
    public static DB openDb(Path file, VolumeFactory files) {
        String name = file.toString();
        var volumes = factory(name, files);
        boolean existed = volumes.exists(name);
        var store = StoreWAL.make(name, volumes, 0L, true, CC.STORE_DIRECT_CONC_SHIFT, 0L, 0L, false, false, false,
                true, false);
        return new DB(store, existed, true, AtomicCommitVolume.class.getClassLoader(), 0);
    }

    /** Opens only {@code mainFile} this way; MapDB's own log files stay plain. */
    static VolumeFactory factory(String mainFile, VolumeFactory files) {
        return new VolumeFactory() {
            @Override
            public Volume makeVolume(String f, boolean readOnly, long fileLockWait, int sliceShift, long initSize,
                                     boolean fixedSize) {
                Volume plain = files.makeVolume(f, readOnly, fileLockWait, sliceShift, initSize, fixedSize);
                if (readOnly || !new File(f).getAbsolutePath().equals(new File(mainFile).getAbsolutePath())) {
                    return plain;
                }
                try {
                    return new AtomicCommitVolume(plain, Path.of(f + JOURNAL_SUFFIX));
                } catch (RuntimeException e) {
                    plain.close();
                    throw e;
                }
            }

            @Override
            public boolean exists(String f) {
                return files.exists(f);
            }

            @Override
            public boolean handlesReadonly() {
                return true;
            }
        };
    }

    private AtomicCommitVolume(Volume file, Path journalPath) {
        this.file = file;
        try {
            journal = FileChannel.open(journalPath, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            recover();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open or replay " + journalPath, e);
        }
    }

    /** Writes a complete journal left by a commit that was cut off into the data file. */
    private void recover() throws IOException {
        long size = journal.size();
        if (size < 8 + 4 + 8) {
            journal.truncate(0);
            return;
        }
        ByteBuffer all = ByteBuffer.allocate((int) size);
        while (all.hasRemaining() && journal.read(all, all.position()) >= 0) {
            // read it all
        }
        all.flip();
        if (all.getLong(0) != MAGIC) {
            journal.truncate(0);
            return;
        }
        int pages = all.getInt(8);
        long bodyEnd = 12L + (long) pages * (8 + PAGE);
        if (pages < 0 || bodyEnd + 8 > size) {
            journal.truncate(0); // cut off while being written: that commit never happened
            return;
        }
        var crc = new CRC32C();
        crc.update(all.array(), 0, (int) bodyEnd);
        if (all.getLong((int) bodyEnd) != crc.getValue()) {
            journal.truncate(0);
            return;
        }
        for (int i = 0; i < pages; i++) {
            int at = 12 + i * (8 + PAGE);
            long offset = all.getLong(at);
            file.ensureAvailable(offset + PAGE);
            file.putData(offset, all.array(), at + 8, PAGE);
        }
        file.sync();
        journal.truncate(0);
        journal.force(true);
    }

    private byte[] page(long pageNo) {
        byte[] p = pending.get(pageNo);
        if (p == null) {
            p = new byte[PAGE];
            long start = pageNo * PAGE;
            long have = Math.min(PAGE, file.length() - start);
            if (have > 0) {
                file.getData(start, p, 0, (int) have);
            }
            pending.put(pageNo, p);
            dirty = true;
        }
        return p;
    }

    private void write(long offset, byte[] src, int srcPos, int size) {
        while (size > 0) {
            long pageNo = offset / PAGE;
            int in = (int) (offset % PAGE);
            int n = Math.min(size, PAGE - in);
            System.arraycopy(src, srcPos, page(pageNo), in, n);
            offset += n;
            srcPos += n;
            size -= n;
        }
    }

    private void read(long offset, byte[] dst, int dstPos, int size) {
        while (size > 0) {
            long pageNo = offset / PAGE;
            int in = (int) (offset % PAGE);
            int n = Math.min(size, PAGE - in);
            byte[] p = pending.get(pageNo);
            if (p != null) {
                System.arraycopy(p, in, dst, dstPos, n);
            } else {
                file.getData(offset, dst, dstPos, n);
            }
            offset += n;
            dstPos += n;
            size -= n;
        }
    }

    @Override
    public synchronized void ensureAvailable(long offset) {
        file.ensureAvailable(offset); // growing the file changes nothing MapDB reads back
    }

    @Override
    public synchronized void truncate(long size) {
        sync();
        file.truncate(size);
    }

    @Override
    public synchronized void putLong(long offset, long value) {
        write(offset, ByteBuffer.allocate(8).putLong(0, value).array(), 0, 8);
    }

    @Override
    public synchronized void putInt(long offset, int value) {
        write(offset, ByteBuffer.allocate(4).putInt(0, value).array(), 0, 4);
    }

    @Override
    public synchronized void putByte(long offset, byte value) {
        write(offset, new byte[] {value}, 0, 1);
    }

    @Override
    public synchronized void putData(long offset, byte[] src, int srcPos, int srcSize) {
        write(offset, src, srcPos, srcSize);
    }

    @Override
    public synchronized void putData(long offset, ByteBuffer buf) {
        byte[] b = new byte[buf.remaining()];
        buf.duplicate().get(b);
        write(offset, b, 0, b.length);
    }

    @Override
    public long getLong(long offset) {
        if (!dirty) {
            return file.getLong(offset);
        }
        byte[] b = new byte[8];
        getData(offset, b, 0, 8);
        return ByteBuffer.wrap(b).getLong();
    }

    @Override
    public int getInt(long offset) {
        if (!dirty) {
            return file.getInt(offset);
        }
        byte[] b = new byte[4];
        getData(offset, b, 0, 4);
        return ByteBuffer.wrap(b).getInt();
    }

    @Override
    public byte getByte(long offset) {
        if (!dirty) {
            return file.getByte(offset);
        }
        byte[] b = new byte[1];
        getData(offset, b, 0, 1);
        return b[0];
    }

    @Override
    public DataInput2 getDataInput(long offset, int size) {
        if (!dirty) {
            return file.getDataInput(offset, size);
        }
        byte[] b = new byte[size];
        getData(offset, b, 0, size);
        return new DataInput2.ByteArray(b);
    }

    @Override
    public void getData(long offset, byte[] bytes, int bytesPos, int size) {
        if (!dirty) {
            file.getData(offset, bytes, bytesPos, size);
            return;
        }
        synchronized (this) {
            read(offset, bytes, bytesPos, size);
        }
    }

    /** MapDB's commit point: journal, sync journal, write in place, sync file, empty journal. */
    @Override
    public synchronized void sync() {
        if (pending.isEmpty()) {
            file.sync();
            return;
        }
        try {
            int pages = pending.size();
            ByteBuffer buf = ByteBuffer.allocate(12 + pages * (8 + PAGE) + 8);
            buf.putLong(MAGIC).putInt(pages);
            for (Map.Entry<Long, byte[]> e : pending.entrySet()) {
                buf.putLong(e.getKey() * PAGE).put(e.getValue());
            }
            var crc = new CRC32C();
            crc.update(buf.array(), 0, buf.position());
            buf.putLong(crc.getValue());
            buf.flip();
            long at = 0;
            while (buf.hasRemaining()) {
                at += journal.write(buf, at);
            }
            journal.force(false);
            for (Map.Entry<Long, byte[]> e : pending.entrySet()) {
                file.putData(e.getKey() * PAGE, e.getValue(), 0, PAGE);
            }
            file.sync();
            // Not forced: if this is lost, the journal is written again, which rewrites the same pages.
            journal.truncate(0);
            pending.clear();
            dirty = false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the commit journal", e);
        }
    }

    @Override
    public synchronized void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (!pending.isEmpty()) {
                sync();
            }
        } finally {
            try {
                journal.close();
            } catch (IOException e) {
                // closing anyway
            }
            file.close();
        }
    }

    @Override
    public int sliceSize() {
        return file.sliceSize();
    }

    @Override
    public boolean isSliced() {
        return file.isSliced();
    }

    @Override
    public long length() {
        return file.length();
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public File getFile() {
        return file.getFile();
    }

    @Override
    public boolean getFileLocked() {
        return file.getFileLocked();
    }

    @Override
    public synchronized void clear(long startOffset, long endOffset) {
        long len = endOffset - startOffset;
        byte[] zeros = new byte[(int) Math.min(len, 1 << 16)];
        for (long at = startOffset; at < endOffset; at += zeros.length) {
            write(at, zeros, 0, (int) Math.min(zeros.length, endOffset - at));
        }
    }

    @Override
    public boolean fileLoad() {
        return file.fileLoad();
    }
}
