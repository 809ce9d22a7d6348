/**
 * DL/T 645-2007, the Chinese multi-function electricity meter protocol, as spoken through the serial-to-TCP converters
 * parks use (docs/gateway.md, docs/domain.md §6.1 and 6.3): frames ({@link Dlt645Frame}), their encoding and the stream
 * decoding that survives wake-up bytes, noise, split and coalesced frames and bad checksums ({@link Dlt645Decoder}),
 * read requests and replies with their value formats ({@link DataIdentifier}, {@link ReadReply}). No I/O.
 */
package io.parkpulse.protocols.dlt645;
