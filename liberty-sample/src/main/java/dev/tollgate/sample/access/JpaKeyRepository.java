package dev.tollgate.sample.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Keeps gateway keys in the sample's database, persistence unit {@code tollgate}. */
@ApplicationScoped
@Transactional
public class JpaKeyRepository implements KeyRepository {
    @PersistenceContext(unitName = "tollgate")
    EntityManager em;

    @Override
    public void add(GatewayKey key) {
        em.persist(key);
    }

    @Override
    public Optional<GatewayKey> byHash(String hash) {
        return em.createNamedQuery(GatewayKey.BY_HASH, GatewayKey.class).setParameter("hash", hash)
                .getResultStream().findFirst();
    }

    @Override
    public Optional<GatewayKey> byId(String id) {
        return Optional.ofNullable(em.find(GatewayKey.class, id));
    }

    @Override
    public List<GatewayKey> all() {
        return em.createNamedQuery(GatewayKey.ALL, GatewayKey.class).getResultList();
    }

    @Override
    public boolean revoke(String id, Instant at) {
        GatewayKey key = em.find(GatewayKey.class, id);
        if (key == null || key.revoked().isPresent()) {
            return false;
        }
        key.revoke(at);
        return true;
    }
}
