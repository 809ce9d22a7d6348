package io.parkpulse.dashboard.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Uploaded CSV in UTF-8 (with or without BOM) or GB18030/GBK is read as written; anything else is refused by place. */
class UploadedTextTest {

    static final String CSV = "enterprise,month,output_value_cny,product\nent-xinyuan-cement,2026-09,52000000,熟料\n";
    static final Charset GB18030 = Charset.forName("GB18030");

    @Test
    void gbkBytesAsChineseExcelSavesThemAreReadAsGb18030() {
        byte[] gbk = CSV.getBytes(Charset.forName("GBK"));
        UploadedText.Decoded d = UploadedText.decode(gbk, null, false);
        assertThat(d.text()).isEqualTo(CSV);
        assertThat(d.charset()).isEqualTo(GB18030);
        assertThat(UploadedText.decode(CSV.getBytes(GB18030), "gbk", false).text()).isEqualTo(CSV);
    }

    @Test
    void utf8WithAndWithoutBomIsReadAndTheBomDropped() {
        byte[] plain = CSV.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[plain.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, bom, 3, plain.length);
        assertThat(UploadedText.decode(plain, null, false).text()).isEqualTo(CSV);
        assertThat(UploadedText.decode(bom, null, false).text()).isEqualTo(CSV);
        assertThat(UploadedText.decode(bom, "UTF-8", true).charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void bytesNeitherEncodingReadsAreRefusedNamingLineAndByte() {
        byte[] bad = "enterprise,month\nent-a,2026-09\nent-b,\u0000\n".getBytes(StandardCharsets.US_ASCII);
        bad[bad.length - 2] = (byte) 0xFF; // line 3, byte 7: invalid in UTF-8 and in GB18030
        assertThatThrownBy(() -> UploadedText.decode(bad, null, false))
                .isInstanceOf(UploadedText.EncodingProblem.class)
                .hasMessageContaining("neither UTF-8 (line 3, byte 7 (0xFF) cannot be decoded) nor GB18030/GBK (line 3, byte 7 (0xFF) cannot be decoded)")
                .satisfies(e -> assertThat(((UploadedText.EncodingProblem) e).zh()).contains("第 3 行第 7 字节"));
    }

    @Test
    void jsonMustBeUtf8AndADeclaredCharsetIsHeldTo() {
        byte[] gbk = "{\"product\":\"熟料\"}".getBytes(GB18030);
        assertThatThrownBy(() -> UploadedText.decode(gbk, null, true)).hasMessageStartingWith("the body is not valid UTF-8: line 1, byte 13");
        assertThatThrownBy(() -> UploadedText.decode(gbk, "utf-8", false)).hasMessageContaining("not valid UTF-8 as its Content-Type says");
        assertThatThrownBy(() -> UploadedText.decode(gbk, "latin1", false)).hasMessageContaining("charset latin1 is not accepted");
    }

    @Test
    void replacementCharactersAndUtf16AreRefused() {
        assertThatThrownBy(() -> UploadedText.decode("a\nb\uFFFD\uFFFD\n".getBytes(StandardCharsets.UTF_8), null, false))
                .hasMessageStartingWith("line 2 contains U+FFFD");
        assertThatThrownBy(() -> UploadedText.decode("a,b".getBytes(StandardCharsets.UTF_16), null, false))
                .hasMessageContaining("UTF-16");
    }
}
