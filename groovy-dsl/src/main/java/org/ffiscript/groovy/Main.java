package org.ffiscript.groovy;

import groovy.lang.Binding;
import java.io.File;
import java.util.Arrays;
import org.codehaus.groovy.runtime.StackTraceUtils;

/** {@code ./ffi-script FILE.groovy [args...]}: runs a Groovy script with the API, exiting 1 on an uncaught error. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: ffi-script FILE.groovy [args...]");
            System.exit(2);
        }
        var file = new File(args[0]);
        if (!file.isFile()) {
            System.err.println("ffi-script: no such file: " + file);
            System.exit(2);
        }
        var scriptArgs = Arrays.copyOfRange(args, 1, args.length);
        var api = new GroovyFfi();
        var binding = new Binding();
        binding.setVariable(FfiScript.API_VARIABLE, api);
        int status = 0;
        try {
            GroovyScripts.shell(binding).run(file, scriptArgs);
        } catch (Throwable t) {
            StackTraceUtils.deepSanitize(t).printStackTrace();
            status = 1;
        } finally {
            api.close();
        }
        System.exit(status);
    }
}
