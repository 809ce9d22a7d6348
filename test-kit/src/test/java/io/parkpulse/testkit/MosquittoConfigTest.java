package io.parkpulse.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MosquittoConfigTest {

    @Test
    void defaultsSizeTheQueueForLongOutages() {
        String conf = MosquittoConfig.defaults().render("127.0.0.1", 1234, "/tmp/x", "someone");

        assertThat(conf.lines()).contains(
                "listener 1234 127.0.0.1",
                "allow_anonymous true",
                "persistence true",
                "persistence_location /tmp/x/",
                "autosave_interval 60",
                "max_queued_messages 1000000",
                "max_queued_bytes 0",
                "max_inflight_messages 1000",
                "set_tcp_nodelay true",
                "log_type information",
                "user someone");
        assertThat(conf).doesNotContain("max_packet_size");
    }

    @Test
    void extraLinesComeLastWithDirSubstituted() {
        MosquittoConfig config = MosquittoConfig.defaults()
                .extraLines("allow_anonymous false", "password_file ${dir}/passwd")
                .withFile("passwd", "dir is ${dir}");

        String conf = config.render("0.0.0.0", 1883, "/data", null);

        assertThat(conf).endsWith("allow_anonymous false\npassword_file /data/passwd\n").doesNotContain("user ");
        assertThat(config.renderFiles("/data")).containsEntry("passwd", "dir is /data");
    }

    @Test
    void furtherListenersComeAfterTheExtraLinesWithTheirPortsAndSettings() {
        MosquittoConfig config = MosquittoConfig.defaults()
                .extraLines("per_listener_settings false")
                .listener("tls", "cafile ${dir}/ca.pem", "require_certificate false")
                .listener("ws", "protocol websockets");

        String conf = config.render("127.0.0.1", 1883, new int[] {8883, 9001}, "/data", null);

        assertThat(config.listenerNames()).containsExactly("tls", "ws");
        assertThat(conf).endsWith("per_listener_settings false\n"
                + "# listener \"tls\"\nlistener 8883 127.0.0.1\ncafile /data/ca.pem\nrequire_certificate false\n"
                + "# listener \"ws\"\nlistener 9001 127.0.0.1\nprotocol websockets\n");
        assertThatThrownBy(() -> config.render("127.0.0.1", 1883, "/data", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[tls, ws]");
    }

    @Test
    void rejectsBadOrRepeatedListenerNamesAndSettingsThatOpenAnotherListener() {
        MosquittoConfig tls = MosquittoConfig.defaults().listener("tls");

        assertThatThrownBy(() -> tls.listener("tls")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already");
        assertThatThrownBy(() -> tls.listener("a b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tls.listener("x", "listener 1884")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("listener 1884");
    }

    @Test
    void isImmutable() {
        MosquittoConfig defaults = MosquittoConfig.defaults();
        defaults.maxQueuedMessages(5).extraLines("x").withFile("f", "c").listener("l");

        assertThat(defaults.render("h", 1, "/d", null)).contains("max_queued_messages 1000000").doesNotContain("\nx\n");
        assertThat(defaults.renderFiles("/d")).isEmpty();
    }

    @Test
    void rejectsFileNamesOutsideTheDirectoryOrClashingWithTheBrokersOwn() {
        assertThatThrownBy(() -> MosquittoConfig.defaults().withFile("../acl", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MosquittoConfig.defaults().withFile("mosquitto.db", "")).isInstanceOf(IllegalArgumentException.class);
    }
}
