/**
 * Azure OpenAI's Chat Completions deployments ({@code type=azure-openai}): the OpenAI protocol
 * under {@code /openai/deployments/<deployment>} with an {@code api-version}, an {@code api-key}
 * header or a Microsoft Entra ID bearer token, and Azure's own error codes.
 */
package dev.tollgate.impl.provider.azure;
