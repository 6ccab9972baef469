/**
 * OpenAI's Chat Completions protocol ({@code type=openai}), spoken by OpenAI and by compatible
 * servers such as vLLM, llama.cpp, LM Studio, Groq and OpenRouter.
 */
package dev.tollgate.impl.provider.openai;
