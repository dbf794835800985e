package app.roomwatch.server.stream;

import org.springframework.test.context.TestPropertySource;

/**
 * The same, with frames written through the servlet's non-blocking output, as on a connection whose body the stream
 * can not write to itself (another protocol or container).
 */
@TestPropertySource(properties = "roomwatch.stream.frames-to-connection=false")
class DirectWritingThroughTheServletOutputTests extends DirectWritingTests {}
