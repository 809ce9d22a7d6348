/**
 * CJ/T 188-2004, the household water / heat / gas meter protocol, as spoken through the serial-to-TCP converters
 * parks use (docs/gateway.md, docs/domain.md §6.2 and 6.3): frames ({@link Cjt188Frame}) with their 7-byte addresses
 * ({@link Cjt188Address}) and meter types ({@link MeterType}), the stream decoding that survives wake-up bytes, noise,
 * split and coalesced frames and bad checksums ({@link Cjt188Decoder}), and the read of metering data (DI 901F in either
 * byte order): water and gas meters ({@link MeteringRead}), heat meters ({@link HeatMeteringRead}), told apart by the
 * meter type ({@link MeterFamily}), with their unit codes ({@link Cjt188Unit}) and the fields a gateway point can take
 * ({@link Cjt188Field}). No I/O.
 */
package io.parkpulse.protocols.cjt188;
