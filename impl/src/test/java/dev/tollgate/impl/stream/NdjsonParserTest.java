package dev.tollgate.impl.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NdjsonParserTest {

    private static List<String> parse(String stream) throws IOException {
        NdjsonParser parser = new NdjsonParser(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)));
        List<String> docs = new ArrayList<>();
        for (byte[] d = parser.next(); d != null; d = parser.next()) {
            docs.add(new String(d, StandardCharsets.UTF_8));
        }
        return docs;
    }

    @Test
    void eachLine_isOneDocument() throws IOException {
        assertEquals(List.of("{\"a\":1}", "{\"b\":2}"), parse("{\"a\":1}\n{\"b\":2}\n"));
    }

    @Test
    void crBeforeLf_andBlankLines_areDropped() throws IOException {
        assertEquals(List.of("{\"a\":1}", "{\"b\":2}"), parse("{\"a\":1}\r\n\n  \r\n{\"b\":2}\r\n"));
    }

    @Test
    void lastLineWithoutLf_isStillReturned() throws IOException {
        assertEquals(List.of("{\"a\":1}", "{\"b\":"), parse("{\"a\":1}\n{\"b\":"));
    }

    @Test
    void emptyStream_hasNoDocument() throws IOException {
        assertEquals(List.of(), parse(""));
    }

    @Test
    void documentsLongerThanTheReadBuffer_areReadWhole() throws IOException {
        String long1 = "{\"t\":\"" + "ü".repeat(3000) + "\"}";
        String long2 = "{\"t\":\"" + "a\\r".repeat(2000) + "\"}";

        assertEquals(List.of(long1, long2), parse(long1 + "\r\n" + long2 + "\n"));
    }

    @Test
    void multiByteCharacters_stayWhole() throws IOException {
        assertEquals(List.of("{\"t\":\"Grüße 🌍\"}"), parse("{\"t\":\"Grüße 🌍\"}\n"));
    }
}
