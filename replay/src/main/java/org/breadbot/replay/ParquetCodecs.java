package org.breadbot.replay;

import com.github.luben.zstd.Zstd;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Page compression for Parquet without Hadoop. parquet-hadoop's own codec factory goes through Hadoop's codec
 * classes, which would pull all of Hadoop into the tool; zstd-jni and snappy-java (already here for Kafka) do
 * the same job on whole pages, which is all Parquet asks of a codec.
 */
final class ParquetCodecs implements CompressionCodecFactory {

    /** zstd's default level: a good ratio at several hundred MB/s. */
    private static final int ZSTD_LEVEL = 3;

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return switch (codec) {
            case ZSTD -> compressor(codec, bytes -> Zstd.compress(bytes, ZSTD_LEVEL));
            case SNAPPY -> compressor(codec, Snappy::compress);
            case UNCOMPRESSED -> compressor(codec, bytes -> bytes);
            default -> throw new ToolException("compression " + codec + " is not supported; use zstd, snappy or none");
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return switch (codec) {
            case ZSTD -> decompressor(Zstd::decompress);
            case SNAPPY -> decompressor((bytes, size) -> Snappy.uncompress(bytes));
            case UNCOMPRESSED -> decompressor((bytes, size) -> bytes);
            default -> throw new ToolException("compression " + codec + " is not supported; use zstd, snappy or none");
        };
    }

    @Override
    public void release() {
    }

    private interface Compress {
        byte[] apply(byte[] bytes) throws IOException;
    }

    private interface Decompress {
        byte[] apply(byte[] bytes, int uncompressedSize) throws IOException;
    }

    private static BytesInputCompressor compressor(CompressionCodecName codec, Compress compress) {
        return new BytesInputCompressor() {
            @Override
            public BytesInput compress(BytesInput bytes) throws IOException {
                return BytesInput.from(compress.apply(bytes.toByteArray()));
            }

            @Override
            public CompressionCodecName getCodecName() {
                return codec;
            }

            @Override
            public void release() {
            }
        };
    }

    private static BytesInputDecompressor decompressor(Decompress decompress) {
        return new BytesInputDecompressor() {
            @Override
            public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
                return BytesInput.from(decompress.apply(bytes.toByteArray(), uncompressedSize));
            }

            @Override
            public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                    throws IOException {
                byte[] compressed = new byte[compressedSize];
                input.get(compressed);
                output.put(decompress.apply(compressed, uncompressedSize));
            }

            @Override
            public void release() {
            }
        };
    }
}
