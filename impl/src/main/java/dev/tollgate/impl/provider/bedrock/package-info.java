/**
 * Amazon Bedrock's Converse API ({@code type=bedrock}), authorised by AWS Signature Version 4 or
 * by a Bedrock API key.
 *
 * <p>Only {@code SigV4Signer} touches the AWS SDK, whose
 * {@code http-auth-aws} and {@code auth} artifacts are optional dependencies: nothing else in the
 * engine loads an SDK class, so applications that do not use Bedrock, or use it with an API key,
 * need neither artifact.
 */
package dev.tollgate.impl.provider.bedrock;
