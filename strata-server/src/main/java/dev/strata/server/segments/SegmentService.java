package dev.strata.server.segments;

import dev.strata.lang.Condition;
import dev.strata.lang.Conditions;
import dev.strata.lang.SegmentParser;
import dev.strata.lang.SegmentSyntaxException;
import dev.strata.live.LiveEngine;
import dev.strata.live.MembersPage;
import dev.strata.live.MembershipChange;
import dev.strata.live.SegmentKind;
import dev.strata.server.live.ChangeDispatcher;
import dev.strata.server.security.Secrets;
import dev.strata.server.web.ApiException;
import dev.strata.server.web.Texts;
import dev.strata.store.ChangeLog;
import dev.strata.store.SegmentRepository;
import dev.strata.store.SegmentRepository.SegmentRecord;
import dev.strata.store.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * Saved segments: kept in the store, defined in the engine. Writes are serialised so that names
 * stay unique and references ({@code in segment "name"}) always point at existing segments.
 */
@Service
public class SegmentService {
    static final int MAX_NAME_LENGTH = 200;

    private final SegmentRepository repo;
    private final ChangeLog changes;
    private final LiveEngine engine;
    private final ChangeDispatcher dispatcher;
    private final Object writes = new Object();
    /** Saved definitions parsed, by segment id: readers such as the history ask for them on every list. */
    private final Map<String, Parsed> conditions = new ConcurrentHashMap<>();

    private record Parsed(String definition, Condition condition) {
    }

    public SegmentService(Store store, LiveEngine engine, ChangeDispatcher dispatcher) {
        this.repo = store.segments();
        this.changes = store.changes();
        this.engine = engine;
        this.dispatcher = dispatcher;
    }

    public List<SegmentRecord> list() {
        return repo.list();
    }

    public SegmentRecord get(String id) {
        return repo.get(id).orElseThrow(() -> ApiException.notFound("no segment with id '" + Texts.clip(id, 100) + "'"));
    }

    /** Members now; null when the engine could not define the saved segment at start (see the log). */
    public Integer size(String id) {
        return engine.hasSegment(id) ? engine.size(id) : null;
    }

    /**
     * A saved segment's definition parsed, from a cache that an update of the segment replaces;
     * null when it has none (an uploaded list).
     *
     * @throws SegmentSyntaxException when the saved text no longer parses
     */
    public Condition condition(SegmentRecord s) {
        if (s.definition() == null) return null;
        Parsed p = conditions.get(s.id());
        // keyed by the text too: a record read before an update still gets its own definition
        if (p != null && p.definition().equals(s.definition())) return p.condition();
        Condition c = SegmentParser.parse(s.definition());
        conditions.put(s.id(), new Parsed(s.definition(), c));
        return c;
    }

    /**
     * @param definition required for a dynamic segment; for a static one, null means an empty list to
     *                   be replaced by an upload
     */
    public SegmentRecord create(String name, String definition, String kindName, String createdBy) {
        return create(name, definition, kindName, createdBy, null);
    }

    /** As {@link #create(String, String, String, String)}, with a plain-words description (null or blank: none). */
    public SegmentRecord create(String name, String definition, String kindName, String createdBy, String description) {
        String n = Texts.requireName("name", name, MAX_NAME_LENGTH).strip();
        String about = Descriptions.checked("description", description);
        SegmentKind kind = kind(kindName, SegmentKind.DYNAMIC);
        synchronized (writes) {
            if (repo.byName(n).isPresent()) throw ApiException.conflict("a segment named '" + n + "' exists already");
            if (kind == SegmentKind.DYNAMIC && definition == null) throw ApiException.badRequest("\"definition\" is required for a dynamic segment");
            Condition c = definition == null ? null : Definitions.parse(definition, this::exists);
            String id = Secrets.newId("seg_");
            List<MembershipChange> defined = define(id, n, c, kind, definition == null ? List.of() : null);
            Instant now = Instant.now();
            SegmentRecord saved;
            try {
                saved = repo.insert(new SegmentRecord(id, n, definition, kind.wireName(), now, now, createdBy, about));
                if (kind == SegmentKind.STATIC) repo.saveStaticMembers(id, allMembers(id));
            } catch (RuntimeException e) {
                engine.remove(id);
                throw e;
            }
            dispatcher.publish(defined);
            return saved;
        }
    }

    /**
     * A segment for {@link #createAll}.
     *
     * @param members     for a static segment, its uploaded member list (the definition is then null); null otherwise
     * @param description plain text saved with it, or null
     */
    public record NewSegment(String name, String definition, String kind, List<String> members, String description) {
        public NewSegment(String name, String definition, String kind, List<String> members) {
            this(name, definition, kind, members, null);
        }
    }

    /**
     * Creates a set of segments, or none of them when one's name is taken (or repeated in the set):
     * every name is checked before the first is created, under the write lock, so no set is left
     * half-created by a name another caller takes meanwhile.
     *
     * @param notCreated what the conflict says after the name, e.g. "the template was not installed"
     * @return the saved segments, in the order given
     */
    public List<SegmentRecord> createAll(List<NewSegment> all, String createdBy, String notCreated) {
        synchronized (writes) {
            Set<String> names = new HashSet<>();
            for (NewSegment n : all) {
                String name = Texts.requireName("name", n.name(), MAX_NAME_LENGTH).strip();
                if (!names.add(name)) throw ApiException.conflict("the name '" + name + "' is given twice: " + notCreated);
                if (repo.byName(name).isPresent()) throw ApiException.conflict("a segment named '" + name + "' exists already: " + notCreated);
            }
            List<SegmentRecord> created = new ArrayList<>(all.size());
            for (NewSegment n : all) {
                SegmentRecord s = create(n.name(), n.definition(), n.kind(), createdBy, n.description());
                if (n.members() != null) {
                    replaceMembers(s.id(), n.members());
                    s = get(s.id());
                }
                created.add(s);
            }
            return created;
        }
    }

    /** Changes name, definition or kind; null keeps the current value. */
    public SegmentRecord update(String id, String name, String definition, String kindName) {
        return update(id, name, definition, kindName, null);
    }

    /**
     * Changes name, definition, kind or description; null keeps the current value, and a blank
     * description removes it.
     */
    public SegmentRecord update(String id, String name, String definition, String kindName, String description) {
        String newDescription = description == null ? null : Descriptions.checked("description", description);
        synchronized (writes) {
            SegmentRecord old = get(id);
            String about = description == null ? old.description() : newDescription;
            if (description != null && name == null && definition == null && kindName == null) {
                // only the description: the engine's segment stays as it is (no re-evaluation at 1M profiles)
                return repo.update(new SegmentRecord(id, old.name(), old.definition(), old.kind(), old.createdAt(), Instant.now(),
                                old.createdBy(), about))
                        .orElseThrow(() -> ApiException.notFound("segment '" + id + "' was deleted meanwhile"));
            }
            String n = name == null ? old.name() : Texts.requireName("name", name, MAX_NAME_LENGTH).strip();
            if (!n.equals(old.name())) {
                if (repo.byName(n).isPresent()) throw ApiException.conflict("a segment named '" + n + "' exists already");
                List<String> users = referencing(old.name());
                if (!users.isEmpty()) {
                    throw ApiException.conflict("cannot rename '" + old.name() + "': referred to by name from " + users);
                }
            }
            SegmentKind kind = kind(kindName, SavedSegments.kindOf(old));
            String def = definition != null ? definition : old.definition();
            if (kind == SegmentKind.DYNAMIC && def == null) throw ApiException.badRequest("\"definition\" is required for a dynamic segment");
            Condition c = def == null ? null : Definitions.parse(def, this::exists);
            // A static segment keeps its saved list unless a definition is given to snapshot anew.
            boolean snapshot = kind == SegmentKind.STATIC && (definition != null || SavedSegments.kindOf(old) != SegmentKind.STATIC);
            Collection<String> members = kind == SegmentKind.STATIC && !snapshot ? repo.staticMembers(id) : null;
            List<MembershipChange> defined = define(id, n, c, kind, members);
            SegmentRecord updated = repo.update(new SegmentRecord(id, n, def, kind.wireName(), old.createdAt(), Instant.now(), old.createdBy(), about))
                    .orElseThrow(() -> ApiException.notFound("segment '" + id + "' was deleted meanwhile"));
            conditions.remove(id);
            if (snapshot) repo.saveStaticMembers(id, allMembers(id));
            else if (kind == SegmentKind.DYNAMIC && SavedSegments.kindOf(old) == SegmentKind.STATIC) repo.saveStaticMembers(id, List.of());
            dispatcher.publish(defined);
            return updated;
        }
    }

    public void delete(String id) {
        synchronized (writes) {
            SegmentRecord old = get(id);
            List<String> users = referencing(old.name());
            if (!users.isEmpty()) throw ApiException.conflict("cannot delete '" + old.name() + "': referred to by name from " + users);
            try {
                engine.remove(id);
            } catch (IllegalArgumentException e) {
                throw ApiException.conflict(e.getMessage());
            }
            repo.delete(id);
            conditions.remove(id);
            changes.deleteSegment(id);
        }
    }

    /** Re-takes a static segment's snapshot from its definition. */
    public List<MembershipChange> refresh(String id) {
        synchronized (writes) {
            SegmentRecord s = get(id);
            if (SavedSegments.kindOf(s) != SegmentKind.STATIC) throw ApiException.badRequest("segment '" + s.name() + "' is dynamic: it is always current");
            if (s.definition() == null) {
                throw ApiException.badRequest("segment '" + s.name() + "' has no definition (its members were uploaded); upload a new list instead");
            }
            List<MembershipChange> defined = SavedSegments.install(engine, s, null);
            repo.saveStaticMembers(id, allMembers(id));
            dispatcher.publish(defined);
            return defined;
        }
    }

    /** Replaces a static segment's members with an uploaded list; the definition is dropped. */
    public List<MembershipChange> replaceMembers(String id, List<String> userKeys) {
        synchronized (writes) {
            SegmentRecord s = get(id);
            if (SavedSegments.kindOf(s) != SegmentKind.STATIC) {
                throw ApiException.badRequest("segment '" + s.name() + "' is dynamic; only a static segment takes an uploaded list");
            }
            List<MembershipChange> defined = define(id, s.name(), null, SegmentKind.STATIC, userKeys);
            repo.update(new SegmentRecord(id, s.name(), null, s.kind(), s.createdAt(), Instant.now(), s.createdBy(), s.description()));
            conditions.remove(id);
            repo.saveStaticMembers(id, userKeys);
            dispatcher.publish(defined);
            return defined;
        }
    }

    public int preview(String definition) {
        return engine.preview(parse(definition));
    }

    /** A definition sent by a client: 400 with line and column when it does not parse or names an unknown segment. */
    public Condition parse(String definition) {
        return parse("definition", definition);
    }

    /** As {@link #parse(String)}, naming the request field the text came in. */
    public Condition parse(String field, String definition) {
        return Definitions.parse(field, definition, this::exists);
    }

    public MembersPage members(String id, String after, int limit) {
        get(id);
        try {
            return engine.members(id, after, limit);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** Whether a saved segment has this name (what {@code in segment "name"} may refer to). */
    public boolean exists(String name) {
        return repo.byName(name).isPresent();
    }

    private List<MembershipChange> define(String id, String name, Condition c, SegmentKind kind, Collection<String> members) {
        try {
            return engine.define(id, name, c, kind, members);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** Every member of a saved segment now, as user ids in the stable order (for an export). */
    public List<String> allMemberIds(String id) {
        get(id);
        return allMembers(id);
    }

    private List<String> allMembers(String id) {
        List<String> all = new ArrayList<>();
        String cursor = null;
        do {
            MembersPage page = engine.members(id, cursor, 10_000);
            all.addAll(page.members());
            cursor = page.next();
        } while (cursor != null);
        return all;
    }

    /** Names of the segments whose definitions refer to {@code name}. */
    private List<String> referencing(String name) {
        List<String> out = new ArrayList<>();
        for (SegmentRecord s : repo.list()) {
            if (s.definition() == null || s.name().equals(name)) continue;
            try {
                if (Conditions.referencedSegments(SegmentParser.parse(s.definition())).contains(name)) out.add(s.name());
            } catch (SegmentSyntaxException e) {
                // a definition that no longer parses refers to nothing the engine knows
            }
        }
        return out;
    }

    private static SegmentKind kind(String name, SegmentKind absent) {
        if (name == null) return absent;
        SegmentKind k = SegmentKind.parse(name);
        if (k == null) throw ApiException.badRequest("\"kind\" must be \"dynamic\" or \"static\", got '" + Texts.clip(name, 40) + "'");
        return k;
    }
}
