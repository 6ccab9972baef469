package dev.tollgate.bench;

import dev.tollgate.bench.Contenders.Contender;
import java.util.List;

/** Makes every contender call once against each upstream and shows what each one got. */
final class Check {
    private Check() {
    }

    static void run() throws Exception {
        boolean failed = false;
        for (Upstream upstream : List.of(Upstream.stub(), Upstream.named("loopback"))) {
            String where = upstream.stubbed() ? "stub" : "loopback";
            for (String size : List.of("small", "large")) {
                for (String name : Contenders.callNames()) {
                    Contender c = Contenders.create(name, upstream, "/" + size);
                    try {
                        Object answer = c.call().call();
                        String got = answer instanceof byte[] b ? b.length + " bytes" : String.valueOf(answer);
                        System.out.printf("%-8s %-5s %-48s %s%n", where, size, name,
                                got.length() > 70 ? got.substring(0, 70) + "…" : got);
                    } finally {
                        c.close().run();
                    }
                }
            }
            String expected = null;
            for (String name : Contenders.streamNames()) {
                Contender c = Contenders.create(name, upstream, "/sse/8/0");
                StringBuilder text = new StringBuilder();
                try {
                    Object end = c.stream().stream(text::append);
                    System.out.printf("%-8s %-5s %-48s \"%s\" then %s%n", where, "sse", name, text, end);
                } finally {
                    c.close().run();
                }
                if (expected == null) {
                    expected = text.toString();
                } else if (!expected.contentEquals(text)) {
                    System.out.println("  streamed text differs from " + Contenders.streamNames().get(0));
                    failed = true;
                }
            }
        }
        if (failed) {
            throw new IllegalStateException("the contenders did not stream the same text");
        }
    }
}
