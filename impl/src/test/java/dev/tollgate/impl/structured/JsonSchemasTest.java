package dev.tollgate.impl.structured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonSchemasTest {

    enum Mood { HAPPY, SAD }

    record Address(String city, @JsonbProperty("zip_code") String zip) {
    }

    record Person(String name, int age, Integer height, BigDecimal balance, boolean active, Mood mood,
            LocalDate born, List<String> tags, Address address, Optional<String> nickname,
            Map<String, Integer> scores, double[] readings) {
    }

    public static final class Bean {
        public String title;
        public transient String skipped;
        private long count;
        private String hidden;

        public long getCount() {
            return count;
        }

        public void setCount(long count) {
            this.count = count;
        }

        @JsonbTransient
        public String getHidden() {
            return hidden;
        }
    }

    record Flags(Optional<Boolean> enabled) {
    }

    record Node(String name, List<Node> children) {
    }

    record Holder(Object anything) {
    }

    private static String type(JsonObject schema, String property) {
        return schema.getJsonObject("properties").getJsonObject(property).get("type").toString();
    }

    @Test
    void record_mapsEveryComponentAsARequiredProperty() {
        JsonObject schema = JsonSchemas.of(Person.class);

        assertThat(schema.getString("type")).isEqualTo("object");
        assertThat(schema.getBoolean("additionalProperties")).isFalse();
        assertThat(schema.getJsonArray("required").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("name", "age", "height", "balance", "active", "mood", "born", "tags", "address",
                        "nickname", "scores", "readings");
        assertThat(type(schema, "name")).isEqualTo("\"string\"");
        assertThat(type(schema, "age")).isEqualTo("\"integer\"");
        assertThat(type(schema, "height")).isEqualTo("[\"integer\",\"null\"]");
        assertThat(type(schema, "balance")).isEqualTo("[\"number\",\"null\"]");
        assertThat(type(schema, "active")).isEqualTo("\"boolean\"");
        assertThat(schema.getJsonObject("properties").getJsonObject("mood").getJsonArray("enum").toString())
                .isEqualTo("[\"HAPPY\",\"SAD\"]");
        assertThat(schema.getJsonObject("properties").getJsonObject("born").getString("format")).isEqualTo("date");
        assertThat(schema.getJsonObject("properties").getJsonObject("tags").getJsonObject("items").getString("type"))
                .isEqualTo("string");
        assertThat(type(schema, "nickname")).isEqualTo("[\"string\",\"null\"]");
        assertThat(schema.getJsonObject("properties").getJsonObject("scores")
                .getJsonObject("additionalProperties").get("type").toString()).isEqualTo("[\"integer\",\"null\"]");
        assertThat(schema.getJsonObject("properties").getJsonObject("readings").getJsonObject("items")
                .getString("type")).isEqualTo("number");
    }

    @Test
    void nestedRecord_isANestedObjectSchemaWithJsonbNames() {
        JsonObject address = JsonSchemas.of(Person.class).getJsonObject("properties").getJsonObject("address");

        assertThat(address.getJsonObject("properties").keySet()).containsExactly("city", "zip_code");
        assertThat(address.getBoolean("additionalProperties")).isFalse();
    }

    @Test
    void bean_mapsPublicFieldsAndGettersButNotTransientOnes() {
        JsonObject schema = JsonSchemas.of(Bean.class);

        assertThat(schema.getJsonObject("properties").keySet()).containsExactlyInAnyOrder("title", "count");
    }

    @Test
    void optionalBoxedValue_isNullableOnce() {
        assertThat(type(JsonSchemas.of(Flags.class), "enabled")).isEqualTo("[\"boolean\",\"null\"]");
    }

    @Test
    void selfReferencingType_isRefused() {
        assertThatThrownBy(() -> JsonSchemas.of(Node.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refers to itself");
    }

    @Test
    void propertyWithoutASchema_isRefusedNamingIt() {
        assertThatThrownBy(() -> JsonSchemas.of(Holder.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'anything'");
    }
}
