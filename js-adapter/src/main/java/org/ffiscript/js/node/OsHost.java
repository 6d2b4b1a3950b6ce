package org.ffiscript.js.node;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.graalvm.polyglot.HostAccess;

/**
 * The host side of {@code node:os}: the machine's facts, read from the system. Those that identify the host are
 * for scripts the access policy does not restrict.
 */
public final class OsHost {
    private final ScriptFiles files;

    OsHost(ScriptFiles files) {
        this.files = files;
    }

    @HostAccess.Export
    public String hostname() {
        requireUnrestricted("os.hostname()");
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        } catch (IOException | RuntimeException e) {
            try {
                return java.net.InetAddress.getLocalHost().getHostName();
            } catch (IOException unknown) {
                return "localhost";
            }
        }
    }

    @HostAccess.Export
    public String homedir() {
        var home = files.policy().environment().get("HOME"); // only where the policy lets scripts see HOME
        if (home != null) {
            return home;
        }
        requireUnrestricted("os.homedir()");
        return System.getProperty("user.home");
    }

    @HostAccess.Export
    public String tmpdir() {
        var tmp = files.policy().environment().get("TMPDIR"); // as Node reads it, where the policy shows it
        var folder = tmp != null && !tmp.isEmpty() ? tmp : System.getProperty("java.io.tmpdir");
        return folder.length() > 1 && folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
    }

    @HostAccess.Export
    public String userName() {
        requireUnrestricted("os.userInfo()");
        return System.getProperty("user.name");
    }

    /**
     * Facts that identify the host (its name, the user, the home folder) are for scripts the access policy does
     * not restrict; a restricted one gets this error, as it gets for an environment variable it was not granted.
     */
    private void requireUnrestricted(String what) {
        if (!files.policy().isUnrestricted()) {
            throw new SecurityException(what + ": the access policy does not let scripts read the host's identity");
        }
    }

    @HostAccess.Export
    public String osRelease() {
        return System.getProperty("os.version");
    }

    @HostAccess.Export
    public String osVersion() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/version")).trim();
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.version");
        }
    }

    @HostAccess.Export
    public String osType() {
        var name = System.getProperty("os.name");
        return name.startsWith("Windows") ? "Windows_NT" : name.startsWith("Mac") ? "Darwin" : name;
    }

    /** Total and free memory in bytes, from /proc/meminfo (the JVM's view elsewhere). */
    @HostAccess.Export
    public double[] systemMemory() {
        try {
            double total = 0;
            double available = 0;
            for (var line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                var parts = line.split("\\s+");
                if (line.startsWith("MemTotal:")) {
                    total = Double.parseDouble(parts[1]) * 1024;
                } else if (line.startsWith("MemAvailable:")) {
                    available = Double.parseDouble(parts[1]) * 1024;
                }
            }
            return new double[] {total, available};
        } catch (IOException | RuntimeException e) {
            var bean = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            return new double[] {bean.getTotalMemorySize(), bean.getFreeMemorySize()};
        }
    }

    /** One "model\u0000MHz" per logical CPU, from /proc/cpuinfo where there is one. */
    @HostAccess.Export
    public String[] cpus() {
        int count = Runtime.getRuntime().availableProcessors();
        var models = new java.util.ArrayList<String>();
        try {
            String model = "unknown";
            for (var line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    model = line.substring(line.indexOf(':') + 1).trim();
                } else if (line.startsWith("cpu MHz")) {
                    models.add(model + "\u0000"
                            + Math.round(Double.parseDouble(
                                    line.substring(line.indexOf(':') + 1).trim())));
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc
        }
        while (models.size() < count) {
            models.add("unknown\u00000");
        }
        return models.subList(0, Math.max(count, Math.min(models.size(), count)))
                .toArray(new String[0]);
    }

    @HostAccess.Export
    public double[] loadavg() {
        try {
            var parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new double[] {
                Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2])
            };
        } catch (IOException | RuntimeException e) {
            return new double[] {ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), 0, 0};
        }
    }

    @HostAccess.Export
    public double systemUptime() {
        try {
            return Double.parseDouble(
                    Files.readString(Path.of("/proc/uptime")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
        }
    }
}
