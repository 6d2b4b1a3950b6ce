import java.util.List;
import java.util.Map;
import org.ffiscript.engine.DataType;
import org.ffiscript.engine.ErrnoResult;
import org.ffiscript.engine.Ffi;

/** ffi-script's Java API in a minute: call libc through the running program, with no compiler needed. */
public class Quickstart {
    public static void main(String[] args) {
        try (var ffi = new Ffi()) {
            // "" opens the running program: libc (and libm) symbols resolve through it.
            ffi.open("libc", "");

            // load: one call, described by a map, exactly as ffi-rs takes it.
            var number = ffi.load(Map.of("library", "libc", "funcName", "atoi", "retType", DataType.I32,
                    "paramsType", List.of(DataType.String), "paramsValue", List.of("1000")));
            System.out.println("atoi(\"1000\") = " + number);

            // define: describe once, call many times.
            var libc = ffi.define(Map.of(
                    "strlen", Map.of("library", "libc", "retType", DataType.U64, "paramsType", List.of(DataType.String)),
                    "getpid", Map.of("library", "libc", "retType", DataType.I32, "paramsType", List.of()),
                    "sqrt", Map.of("library", "libc", "retType", DataType.Double, "paramsType", List.of(DataType.Double)),
                    "chdir", Map.of("library", "libc", "retType", DataType.I32, "paramsType", List.of(DataType.String),
                            "errno", true)));
            System.out.println("strlen(\"héllo 🎉\") = " + libc.get("strlen").call("héllo 🎉") + " bytes");
            System.out.println("getpid() = " + libc.get("getpid").call());
            System.out.println("sqrt(2) = " + libc.get("sqrt").call(2));

            // errno: captured by the linker right after the call returns.
            var failed = (ErrnoResult) libc.get("chdir").call("/no/such/directory");
            System.out.println("chdir(\"/no/such/directory\") = " + failed.value() + ", errno " + failed.errnoCode()
                    + " (" + failed.errnoMessage() + ")");
        }
    }
}
