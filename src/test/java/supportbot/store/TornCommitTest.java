package supportbot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentNavigableMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapdb.DB;
import org.mapdb.DBMaker;
import org.mapdb.DataInput2;
import org.mapdb.Serializer;
import org.mapdb.volume.FileChannelVol;
import org.mapdb.volume.Volume;
import org.mapdb.volume.VolumeFactory;

/**
 * A kill -9 in the middle of a commit, made exact: a child JVM commits a group of transcript entries and halts
 * (Runtime.halt: no shutdown hooks, no flushing; what was written stays in the page cache, as after kill -9)
 * after the k-th write into the data file. Then the store must open and hold either all of that commit or none.
 * Plain MapDB 3.1 ({@code transactionEnable().fileChannelEnable()}) does not; the store as opened now does.
 */
class TornCommitTest {
    static final int BASE = 300;
    static final int GROUP = 400;

    @TempDir
    Path tmp;

    @Test
    void aCommitCutOffAtAnyWriteLeavesTheOldStateOrTheNew() throws Exception {
        List<String> bad = new ArrayList<>();
        int halted = 0;
        for (int k = 1; k <= 400; k += 3) {
            Path dir = Files.createDirectories(tmp.resolve("atomic-" + k));
            int exit = child("atomic", dir, k);
            if (exit == 0) {
                break; // the commit finished before its k-th write: every cut-off point was tried
            }
            assertEquals(99, exit, "child failed, not halted");
            halted++;
            String problem = check(dir, true);
            if (problem != null) {
                bad.add("write " + k + ": " + problem);
            }
        }
        System.err.println("atomic store: commit cut off at " + halted + " points, not opening or torn at " + bad.size());
        assertTrue(halted > 2, "the commit was cut off " + halted + " times");
        assertEquals(List.of(), bad);
    }

    /** Run by hand (-Dtorn.plain=true): shows plain MapDB 3.1 failing the same way as the crash bench did. */
    @Test
    void plainMapDbLeavesATornFile() throws Exception {
        if (!Boolean.getBoolean("torn.plain")) {
            return;
        }
        List<String> bad = new ArrayList<>();
        int halted = 0;
        for (int k = 1; k <= 400; k += 3) {
            Path dir = Files.createDirectories(tmp.resolve("plain-" + k));
            int exit = child("plain", dir, k);
            if (exit == 0) {
                break;
            }
            halted++;
            String problem = check(dir, false);
            if (problem != null) {
                bad.add("write " + k + ": " + problem);
            }
        }
        System.err.println("plain MapDB: cut off at " + halted + " points, torn at " + bad.size() + ":");
        bad.forEach(System.err::println);
    }

    /** null if the store opens and holds BASE or BASE + GROUP entries, all readable. */
    private static String check(Path dir, boolean atomic) {
        Path file = dir.resolve(Store.FILE_NAME);
        try (DB db = atomic ? AtomicCommitVolume.openDb(file, FileChannelVol.FACTORY)
                : DBMaker.fileDB(file.toFile()).transactionEnable().fileChannelEnable().make()) {
            ConcurrentNavigableMap<String, byte[]> map = transcript(db);
            int n = 0;
            for (var e : map.entrySet()) {
                if (e.getValue() == null || e.getValue().length != 200) {
                    return "entry " + e.getKey() + " unreadable";
                }
                n++;
            }
            return n == BASE || n == BASE + GROUP ? null : n + " entries";
        } catch (Throwable t) {
            return t.toString();
        }
    }

    private static ConcurrentNavigableMap<String, byte[]> transcript(DB db) {
        return db.treeMap("transcript", Serializer.STRING, Serializer.BYTE_ARRAY).valuesOutsideNodesEnable().createOrOpen();
    }

    private static int child(String mode, Path dir, int haltAfter) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), TornCommitTest.class.getName(),
                mode, dir.toString(), String.valueOf(haltAfter)).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        return p.waitFor();
    }

    /** The child: a committed base, then one group commit cut off at its {@code haltAfter}-th data file write. */
    public static void main(String[] args) {
        Path file = Path.of(args[1]).resolve(Store.FILE_NAME);
        int haltAfter = Integer.parseInt(args[2]);
        VolumeFactory files = new HaltingFactory(file.toString(), haltAfter);
        DB db = args[0].equals("atomic") ? AtomicCommitVolume.openDb(file, files)
                : new DB(org.mapdb.StoreWAL.make(file.toString(), files, 0L, true, org.mapdb.CC.STORE_DIRECT_CONC_SHIFT, 0L, 0L,
                        false, false, false, true, false), false, true, TornCommitTest.class.getClassLoader(), 0);
        var map = transcript(db);
        for (int i = 0; i < BASE; i++) {
            map.put(key(i), value(i));
            if (i % 50 == 49) {
                db.commit();
            }
        }
        db.commit();
        HaltingVolume.armed = true;
        for (int i = BASE; i < BASE + GROUP; i++) {
            map.put(key(i), value(i));
        }
        db.commit();
        Runtime.getRuntime().halt(0);
    }

    static String key(int i) {
        return "web:" + (i % 37) + "\u0000" + String.format("%012d", i);
    }

    static byte[] value(int i) {
        byte[] b = new byte[200];
        java.util.Arrays.fill(b, (byte) i);
        return b;
    }

    /** Plain file volumes; the data file's one halts the JVM at its n-th write once armed. */
    static final class HaltingFactory extends VolumeFactory {
        final String main;
        final int haltAfter;

        HaltingFactory(String main, int haltAfter) {
            this.main = main;
            this.haltAfter = haltAfter;
        }

        @Override
        public Volume makeVolume(String f, boolean readOnly, long fileLockWait, int sliceShift, long initSize, boolean fixedSize) {
            Volume v = FileChannelVol.FACTORY.makeVolume(f, readOnly, fileLockWait, sliceShift, initSize, fixedSize);
            return new File(f).getAbsolutePath().equals(new File(main).getAbsolutePath()) ? new HaltingVolume(v, haltAfter) : v;
        }

        @Override
        public boolean exists(String f) {
            return new File(f).exists();
        }

        @Override
        public boolean handlesReadonly() {
            return true;
        }
    }

    static final class HaltingVolume extends Volume {
        static volatile boolean armed;
        final Volume v;
        final int haltAfter;
        int writes;

        HaltingVolume(Volume v, int haltAfter) {
            this.v = v;
            this.haltAfter = haltAfter;
        }

        private void wrote() {
            if (armed && ++writes >= haltAfter) {
                Runtime.getRuntime().halt(99);
            }
        }

        @Override public void ensureAvailable(long offset) { v.ensureAvailable(offset); }
        @Override public void truncate(long size) { v.truncate(size); }
        @Override public void putLong(long offset, long value) { v.putLong(offset, value); wrote(); }
        @Override public void putInt(long offset, int value) { v.putInt(offset, value); wrote(); }
        @Override public void putByte(long offset, byte value) { v.putByte(offset, value); wrote(); }
        @Override public void putData(long offset, byte[] src, int srcPos, int srcSize) { v.putData(offset, src, srcPos, srcSize); wrote(); }
        @Override public void putData(long offset, ByteBuffer buf) { v.putData(offset, buf); wrote(); }
        @Override public long getLong(long offset) { return v.getLong(offset); }
        @Override public int getInt(long offset) { return v.getInt(offset); }
        @Override public byte getByte(long offset) { return v.getByte(offset); }
        @Override public DataInput2 getDataInput(long offset, int size) { return v.getDataInput(offset, size); }
        @Override public void getData(long offset, byte[] bytes, int bytesPos, int size) { v.getData(offset, bytes, bytesPos, size); }
        @Override public void close() { v.close(); }
        @Override public void sync() { v.sync(); }
        @Override public int sliceSize() { return v.sliceSize(); }
        @Override public boolean isSliced() { return v.isSliced(); }
        @Override public long length() { return v.length(); }
        @Override public boolean isReadOnly() { return v.isReadOnly(); }
        @Override public File getFile() { return v.getFile(); }
        @Override public boolean getFileLocked() { return v.getFileLocked(); }
        @Override public void clear(long startOffset, long endOffset) { v.clear(startOffset, endOffset); wrote(); }
    }
}
