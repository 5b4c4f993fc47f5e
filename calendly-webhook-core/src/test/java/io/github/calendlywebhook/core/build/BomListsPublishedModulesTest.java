package io.github.calendlywebhook.core.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The BOM lists exactly the reactor's published modules (every module that is neither a POM nor sets
 * {@code maven.deploy.skip}), at the reactor's version, and inherits nothing: a new published module
 * missing from the BOM, or a BOM entry nobody publishes, fails the build.
 */
class BomListsPublishedModulesTest {

    private static final Path REPOSITORY = Path.of("..");
    private static final String GROUP = "io.github.calendlywebhook";

    @Test
    void theBomListsEveryPublishedModuleAndNothingElse() throws Exception {
        Set<String> published = publishedModules().keySet();

        assertThat(bomEntries()).as("the dependencyManagement of calendly-webhook-bom/pom.xml against the modules"
                + " that pom.xml builds and that do not set maven.deploy.skip").containsExactlyInAnyOrderElementsOf(published)
                .contains("calendly-webhook-core", "calendly-webhook-spring-boot-starter", "calendly-webhook-micronaut");
    }

    @Test
    void theBomHasTheReactorsVersionAndNoParentWhoseDependencyManagementItWouldExport() throws Exception {
        Element parent = pom("pom.xml").getDocumentElement();
        Element bom = pom("calendly-webhook-bom/pom.xml").getDocumentElement();

        assertThat(text(bom, "version")).isEqualTo(text(parent, "version"));
        assertThat(text(bom, "groupId")).isEqualTo(GROUP);
        assertThat(bom.getElementsByTagName("parent").getLength()).isZero();
        assertThat(children(parent, "modules", "module")).contains("calendly-webhook-bom");
    }

    @Test
    void everyPublishedJarNamesItsAutomaticModule() throws Exception {
        Map<String, String> names = new TreeMap<>();
        for (Map.Entry<String, String> module : publishedModules().entrySet()) {
            NodeList entries = pom(module.getValue() + "/pom.xml").getElementsByTagName("Automatic-Module-Name");
            names.put(module.getKey(), entries.getLength() == 1 ? entries.item(0).getTextContent().strip() : null);
        }

        assertThat(names).as("the Automatic-Module-Name in each published module's maven-jar-plugin manifestEntries")
                .containsEntry("calendly-webhook-core", "io.github.calendlywebhook.core")
                .containsEntry("calendly-webhook-spring-boot-starter", "io.github.calendlywebhook.spring")
                .containsEntry("calendly-webhook-micronaut", "io.github.calendlywebhook.micronaut")
                .containsEntry("calendly-webhook-test", "io.github.calendlywebhook.test")
                .allSatisfy((module, name) -> assertThat(name).as(module).startsWith(GROUP + "."));
    }

    /** Returns the artifactId of every module that is neither a POM nor sets maven.deploy.skip, with its folder. */
    private static Map<String, String> publishedModules() throws Exception {
        Map<String, String> published = new TreeMap<>();
        for (String module : children(pom("pom.xml").getDocumentElement(), "modules", "module")) {
            Element project = pom(module + "/pom.xml").getDocumentElement();
            boolean skipped = children(project, "properties", "maven.deploy.skip").contains("true");
            if (!"pom".equals(text(project, "packaging")) && !skipped) {
                published.put(text(project, "artifactId"), module);
            }
        }
        return published;
    }

    private static List<String> bomEntries() throws Exception {
        NodeList dependencies = pom("calendly-webhook-bom/pom.xml").getElementsByTagName("dependency");
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            assertThat(text(dependency, "groupId")).isEqualTo(GROUP);
            assertThat(text(dependency, "version")).isEqualTo("${project.version}");
            entries.add(text(dependency, "artifactId"));
        }
        return entries;
    }

    private static Document pom(String path) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(REPOSITORY.resolve(path).toFile());
    }

    /** Returns the text of the direct child {@code name}, or null. */
    private static String text(Element element, String name) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element && child.getNodeName().equals(name)) {
                return child.getTextContent().strip();
            }
        }
        return null;
    }

    /** Returns the texts of {@code element/container/name}. */
    private static List<String> children(Element element, String container, String name) {
        List<String> texts = new ArrayList<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element && child.getNodeName().equals(container)) {
                NodeList items = ((Element) child).getElementsByTagName(name);
                for (int i = 0; i < items.getLength(); i++) {
                    texts.add(items.item(i).getTextContent().strip());
                }
            }
        }
        return texts;
    }
}
