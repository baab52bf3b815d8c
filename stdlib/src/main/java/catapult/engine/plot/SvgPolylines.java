package catapult.engine.plot;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Rewrites XChart's SVG so each series is one {@code <polyline>}: XChart draws a line series
 * as one {@code <line>} per segment (thousands for a long run), which bloats the file and makes
 * the series impossible to pick out. Consecutive sibling lines with the same style whose ends
 * meet are joined; a joined line drawn in a series' colour gets {@code data-series="name"}
 * and a {@code <title>} so viewers and scripts can tell the series apart.
 */
final class SvgPolylines {
    private SvgPolylines() {
    }

    /** @param seriesColours series names in drawing order with their stroke colour as "rgb(r,g,b)" */
    static void rewrite(byte[] svg, List<Map.Entry<String, String>> seriesColours, OutputStream out) {
        try {
            Document doc = parse(svg);
            Map<String, Deque<String>> namesByColour = new HashMap<>();
            for (Map.Entry<String, String> e : seriesColours) {
                namesByColour.computeIfAbsent(e.getValue(), c -> new ArrayDeque<>()).add(e.getKey());
            }
            joinLines(doc.getDocumentElement(), namesByColour);
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.transform(new DOMSource(doc), new StreamResult(out));
        } catch (Exception e) {
            throw new IllegalStateException("plot: could not post-process the SVG written by XChart", e);
        }
    }

    private static Document parse(byte[] svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        // The file names the W3C DTD; never fetch it (offline, and slow).
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
        if (doc.getDoctype() != null) {
            doc.removeChild(doc.getDoctype());
        }
        return doc;
    }

    /**
     * Markers of sparse series are drawn between the segments, so a leaf element other than a
     * line does not end a run; a group does, because its content is drawn in another context.
     */
    private static void joinLines(Element parent, Map<String, Deque<String>> namesByColour) {
        List<Element> run = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; ) {
            Node next = n.getNextSibling();
            if (n instanceof Element e) {
                if (isLine(e)) {
                    if (!run.isEmpty() && !continues(run.get(run.size() - 1), e)) {
                        flush(parent, run, namesByColour);
                    }
                    run.add(e);
                } else if (e.getFirstChild() != null) {
                    flush(parent, run, namesByColour);
                    joinLines(e, namesByColour);
                }
            }
            n = next;
        }
        flush(parent, run, namesByColour);
    }

    private static boolean isLine(Element e) {
        return "line".equals(e.getLocalName() != null ? e.getLocalName() : e.getTagName());
    }

    private static boolean continues(Element prev, Element e) {
        return prev.getAttribute("style").equals(e.getAttribute("style"))
                && prev.getAttribute("x2").equals(e.getAttribute("x1"))
                && prev.getAttribute("y2").equals(e.getAttribute("y1"));
    }

    private static void flush(Element parent, List<Element> run, Map<String, Deque<String>> namesByColour) {
        if (run.size() >= 2) {
            Element poly = parent.getOwnerDocument().createElementNS(run.get(0).getNamespaceURI(), "polyline");
            poly.setAttribute("style", run.get(0).getAttribute("style"));
            poly.setAttribute("points", points(run));
            tagSeries(poly, namesByColour);
            parent.insertBefore(poly, run.get(0));
            run.forEach(parent::removeChild);
        }
        run.clear();
    }

    private static String points(List<Element> run) {
        StringBuilder sb = new StringBuilder();
        sb.append(run.get(0).getAttribute("x1")).append(',').append(run.get(0).getAttribute("y1"));
        for (Element e : run) {
            sb.append(' ').append(e.getAttribute("x2")).append(',').append(e.getAttribute("y2"));
        }
        return sb.toString();
    }

    private static void tagSeries(Element poly, Map<String, Deque<String>> namesByColour) {
        String style = poly.getAttribute("style");
        for (Map.Entry<String, Deque<String>> e : namesByColour.entrySet()) {
            if (style.contains("stroke:" + e.getKey() + ";") && !e.getValue().isEmpty()) {
                String name = e.getValue().poll();
                poly.setAttribute("data-series", name);
                Element title = poly.getOwnerDocument().createElementNS(poly.getNamespaceURI(), "title");
                title.setTextContent(name);
                poly.appendChild(title);
                return;
            }
        }
    }

    static byte[] rewrite(byte[] svg, List<Map.Entry<String, String>> seriesColours) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(svg.length / 2);
        rewrite(svg, seriesColours, out);
        return out.toByteArray();
    }
}
