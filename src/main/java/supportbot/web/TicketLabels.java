package supportbot.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import supportbot.dialogue.Categories;
import supportbot.dialogue.Category;
import supportbot.dialogue.details.DetailType;
import supportbot.dialogue.details.DetailValue;
import supportbot.faq.Lang;

/**
 * What the desk shows instead of raw ids: category names in both languages, and a ticket's details in the
 * order its category asks for them, so every ticket of a kind reads the same way.
 *
 * @param categories null when the server was started without them: ids are shown as they are
 */
record TicketLabels(Categories categories) {

    /** Name per language code; the id itself for a category the file no longer has. */
    Map<String, String> categoryNames(String id) {
        var names = new LinkedHashMap<String, String>();
        Category c = categories == null || id == null ? null : categories.get(id).orElse(null);
        for (Lang lang : Lang.values()) {
            String name = c == null ? null : c.name(lang);
            names.put(lang.code(), name == null ? id : name);
        }
        return names;
    }

    /** Every category with its names, in the file's order: what the desk's search offers as a filter. */
    List<DeskJson.CategoryName> allCategories() {
        return categories == null ? List.of() : categories.all().stream()
                .map(c -> new DeskJson.CategoryName(c.id(), categoryNames(c.id()))).toList();
    }

    /** Required details, then optional ones, as config/categories.yaml lists them; any others after. */
    Map<String, DeskJson.Detail> orderedDetails(String categoryId, Map<DetailType, DetailValue> details) {
        List<DetailType> order = categories == null || categoryId == null ? List.of()
                : categories.get(categoryId).map(Category::allDetails).orElse(List.of());
        var out = new LinkedHashMap<String, DeskJson.Detail>();
        for (DetailType type : order) {
            DetailValue v = details.get(type);
            if (v != null) {
                out.put(type.key(), new DeskJson.Detail(v.value(), v.display()));
            }
        }
        for (DetailType type : DetailType.values()) {
            DetailValue v = details.get(type);
            if (v != null && !out.containsKey(type.key())) {
                out.put(type.key(), new DeskJson.Detail(v.value(), v.display()));
            }
        }
        return out;
    }
}
