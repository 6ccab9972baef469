package dev.tollgate.impl.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelAliasesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        // OpenAI: dated snapshots, four-digit snapshots of gpt- models, -latest
        "gpt-4o-2024-08-06, gpt-4o",
        "gpt-4.1-mini-2025-04-14, gpt-4.1-mini",
        "gpt-4-0613, gpt-4",
        "gpt-3.5-turbo-0125, gpt-3.5-turbo",
        "gpt-35-turbo-1106, gpt-35-turbo",
        "gpt-5-chat-latest, gpt-5-chat",
        "o3-2025-04-16, o3",
        // Anthropic: eight-digit dates, -latest
        "claude-sonnet-4-5-20250929, claude-sonnet-4-5",
        "claude-3-7-sonnet-latest, claude-3-7-sonnet",
        // Bedrock: geography, vendor kept, version, date, ARN
        "us.anthropic.claude-sonnet-4-5-20250929-v1:0, anthropic.claude-sonnet-4-5",
        "global.anthropic.claude-opus-4-6-v1, anthropic.claude-opus-4-6",
        "apac.amazon.nova-pro-v1:0, amazon.nova-pro",
        "us-gov.anthropic.claude-sonnet-4-5-20250929-v1:0, anthropic.claude-sonnet-4-5",
        "eu.meta.llama3-2-1b-instruct-v1:0, meta.llama3-2-1b-instruct",
        "anthropic.claude-haiku-4-5-20251001-v1:0, anthropic.claude-haiku-4-5",
        "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-lite-v1:0, amazon.nova-lite",
        // Vertex: @ versions
        "claude-sonnet-4-5@20250929, claude-sonnet-4-5",
        "claude-opus-4-6@default, claude-opus-4-6",
        "mistral-large@2411-001, mistral-large",
        "codestral-2@001, codestral-2",
        // Gemini: models/ prefix, -001 versions, Vertex resource names
        "models/gemini-2.5-pro, gemini-2.5-pro",
        "gemini-2.0-flash-001, gemini-2.0-flash",
        "models/gemini-2.0-flash-lite-001, gemini-2.0-flash-lite",
        "projects/p/locations/us-central1/publishers/google/models/gemini-2.5-flash, gemini-2.5-flash",
        // Mistral: -latest only; YYMM versions are models of their own
        "mistral-large-latest, mistral-large",
        "mistral-large-2411, mistral-large-2411",
        // unchanged
        "gpt-4o, gpt-4o",
        "llama3:70b, llama3:70b",
        "meta-llama/Llama-3.1-8B-Instruct, meta-llama/Llama-3.1-8B-Instruct",
        "command-r7b-12-2024, command-r7b-12-2024",
        "qwen3-235b-a22b-2507, qwen3-235b-a22b-2507",
        "eu.mymodel, eu.mymodel",
        "*, *",
    })
    void alias_followsTheRules(String model, String alias) {
        assertThat(ModelAliases.alias(model)).isEqualTo(alias);
    }

    @Test
    void aliasOf_isCachedPerName() {
        ModelAliases aliases = new ModelAliases();

        String first = aliases.aliasOf("gpt-4o-2024-08-06");

        assertThat(aliases.aliasOf("gpt-4o-2024-08-06")).isSameAs(first).isEqualTo("gpt-4o");
    }

    @Test
    void aliasOf_keepsWorkingPastTheCacheLimit() {
        ModelAliases aliases = new ModelAliases();
        for (int i = 0; i < ModelAliases.CACHE_LIMIT + 10; i++) {
            aliases.aliasOf("model-" + i + "-latest");
        }

        assertThat(aliases.aliasOf("gpt-4o-2024-11-20")).isEqualTo("gpt-4o");
    }
}
