package org.resourcesharing.catalogue;

import java.util.List;

/**
 * One catalogue: the imported one, or a library system over SRU. Matches by identifier first; only
 * when no identifier is given, or none matches, by title and author.
 *
 * @throws CatalogueUnavailableException when the catalogue cannot answer: a technical error to
 *         retry, never "not held"
 */
public interface CatalogueSource {

    List<CatalogueRecord> search(CatalogueQuery query);
}
