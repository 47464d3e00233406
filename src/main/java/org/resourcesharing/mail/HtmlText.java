package org.resourcesharing.mail;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The text of an HTML-only mail body with its line structure, so that quoted replies and labelled
 * lines ("Title: …") can still be found. Quoted messages ({@code <blockquote>}) are dropped here;
 * reply headers in plain text are left to {@link QuotedReplies}.
 */
final class HtmlText {

    private HtmlText() {
    }

    static String of(String html) {
        Document document = Jsoup.parse(html);
        document.select("script, style, template, blockquote").remove();
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    text.append(textNode.text());
                } else if (node instanceof Element element && (element.nameIs("br") || element.isBlock())) {
                    text.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element && element.isBlock() && !element.nameIs("br")) {
                    text.append('\n');
                }
            }
        }, document.body());
        return text.toString()
                .replaceAll("[ \\t\\u00A0]+\\n", "\n")
                .replaceAll("\\n[ \\t\\u00A0]+", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
    }
}
