/**
 * Amazon Bedrock's Converse API ({@code type=bedrock}): answers, streamed answers (ConverseStream,
 * an AWS event stream), tools and structured answers as forced tool calls; authorised by AWS
 * Signature Version 4 or by a Bedrock API key.
 *
 * <p>Only {@code SigV4Signer} touches the AWS SDK's signing and credential classes, and only the
 * shared event stream parser its {@code eventstream} codec; the {@code http-auth-aws},
 * {@code auth} and {@code eventstream} artifacts are optional dependencies: nothing else in the
 * engine loads an SDK class, so applications that do not use Bedrock, or use it with an API key
 * and without streams, need none of them.
 */
package dev.tollgate.impl.provider.bedrock;
